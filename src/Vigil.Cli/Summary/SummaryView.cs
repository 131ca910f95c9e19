using System.Globalization;
using Spectre.Console;
using Vigil.Statistics;
using Vigil.Storage;

namespace Vigil.Cli.Summary;

/// <summary>Renders a <see cref="MonthlySummary"/> on the terminal.</summary>
public static class SummaryView
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Write(IAnsiConsole console, MonthlySummary s)
    {
        var month = DateOnly.ParseExact(s.Month + "-01", "yyyy-MM-dd", Inv);
        string Name(DateOnly d) => d.ToString("MMMM yyyy", Inv);
        var previous = Name(month.AddMonths(-1));
        var lastYear = Name(month.AddYears(-1));

        console.Write(new Rule($"[bold]Security summary: {Name(month)}[/]").LeftJustified());
        Line(console, "incidents", s.Current.Incidents, null, new Change(s.Current.Incidents, s.PreviousMonth.Incidents), new Change(s.Current.Incidents, s.SameMonthLastYear.Incidents), previous, lastYear);
        Line(console, "killed", s.Current.Killed, s.Current.KilledUnknown, new Change(s.Current.Killed, s.PreviousMonth.Killed), new Change(s.Current.Killed, s.SameMonthLastYear.Killed), previous, lastYear);
        Line(console, "injured", s.Current.Injured, s.Current.InjuredUnknown, new Change(s.Current.Injured, s.PreviousMonth.Injured), new Change(s.Current.Injured, s.SameMonthLastYear.Injured), previous, lastYear);
        console.MarkupLine("[grey]Killed and injured are sums of best estimates; incidents are counted by their start date.[/]");

        Breakdown(console, "By province", s.ByProvince);
        Breakdown(console, "By perpetrator (side A)", s.ByPerpetrator);
        Breakdown(console, "By event type", s.ByEventType);

        var table = new Table().Title("Deadliest incidents").Border(TableBorder.Simple)
            .AddColumn("id").AddColumn(new TableColumn("date").NoWrap()).AddColumn("where").AddColumn("type")
            .AddColumn(new TableColumn("killed").RightAligned()).AddColumn(new TableColumn("injured").RightAligned()).AddColumn("first source");
        foreach (var i in s.Deadliest)
        {
            var where = i.District is null ? i.Province ?? "" : $"{i.District}, {i.Province}";
            table.AddRow(i.Id.ToString(Inv), i.Date, Markup.Escape(where), i.EventType,
                i.Killed?.ToString(Inv) ?? "?", i.Injured?.ToString(Inv) ?? "?", Markup.Escape(Clip(i.Source ?? "", 40)));
        }
        console.Write(table);
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");

    private static void Line(IAnsiConsole console, string what, long value, long? unknown, Change onPrevious, Change onLastYear, string previous, string lastYear)
    {
        var all = unknown is > 0 && value == 0 && onPrevious.Baseline == 0 && onLastYear.Baseline == 0;
        if (all)
        {
            console.MarkupLine(string.Create(Inv, $"  [bold]{"?",8}[/] {what}: [grey]not recorded by the sources of these {unknown:N0} incidents[/]"));
            return;
        }
        var unknownNote = unknown is > 0 ? string.Create(Inv, $" [grey]({unknown:N0} incidents with an unknown toll)[/]") : "";
        console.MarkupLine(string.Create(Inv,
            $"  [bold]{value,8:N0}[/] {what}{unknownNote}: {Markup.Escape(onPrevious.Describe(previous))}; {Markup.Escape(onLastYear.Describe(lastYear))}"));
    }

    private static void Breakdown(IAnsiConsole console, string title, IReadOnlyList<AggregateRow> rows)
    {
        var table = new Table().Title(title).Border(TableBorder.Simple)
            .AddColumn("").AddColumn(new TableColumn("incidents").RightAligned()).AddColumn(new TableColumn("killed").RightAligned())
            .AddColumn(new TableColumn("injured").RightAligned());
        foreach (var r in rows)
            table.AddRow(Markup.Escape(r.Key ?? "(unknown)"), r.Incidents.ToString("N0", Inv), r.KilledBest.ToString("N0", Inv), r.InjuredBest.ToString("N0", Inv));
        console.Write(table);
    }
}

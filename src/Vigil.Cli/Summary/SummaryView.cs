using System.Globalization;
using Spectre.Console;
using Vigil.Cli.Infrastructure;
using Vigil.Reports;
using Vigil.Reports.Model;

namespace Vigil.Cli.Summary;

/// <summary>Renders a <see cref="SummaryJson"/> on the terminal: every figure with its scope, "no data", "not recorded" or "unknown" where there is no number.</summary>
public static class SummaryView
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Write(CliOutput output, SummaryJson s)
    {
        var console = output.Console;
        output.Heading($"[bold]Security summary: {Markup.Escape(ReportText.MonthName(s.Month))}, {Markup.Escape(s.Place)}[/]");
        var datasets = s.Scope.PrimaryDefault && s.Scope.Datasets.Count > 0
            ? $"{s.Scope.Label} (the primary dataset; choose others with --dataset)"
            : s.Scope.Label;
        console.MarkupLine($"[grey]Datasets:[/] {Markup.Escape(datasets)}");
        if (s.Scope.Countries.Length > 0)
            console.MarkupLine($"[grey]Countries:[/] {Markup.Escape(s.Scope.Countries)}");
        foreach (var note in s.Scope.Notes)
            console.MarkupLine($"[yellow]{Markup.Escape(note)}[/]");
        foreach (var h in s.Headlines)
            Line(console, h);
        console.MarkupLine("[grey]Killed and injured are sums of best estimates; incidents are counted by their start date.[/]");
        if (s.Sourcing is { } sourcing)
            console.MarkupLine($"[grey]Sourcing:[/] {Markup.Escape(sourcing.Text)} [grey](grades: docs/method.md)[/]");
        foreach (var statement in s.Statements)
            console.MarkupLine(Markup.Escape(statement));

        var notRecorded = s.Scope.NotRecorded;
        Breakdown(output, "By province", s.ByProvince, notRecorded);
        Breakdown(output, ReportText.GroupsHeading, s.ByGroup, notRecorded);
        Breakdown(output, ReportText.CategoryHeading, s.ByCategory, notRecorded);
        Breakdown(output, "By event type", s.ByEventType, notRecorded);

        if (s.Deadliest.Count == 0)
            return;
        // The sources are in --json and in `vigil incidents show ID`; the table keeps to what fits a terminal.
        var table = new Table().Title("Deadliest incidents").Border(TableBorder.Simple)
            .AddColumn("id").AddColumn(new TableColumn("date").NoWrap()).AddColumn("where").AddColumn("type")
            .AddColumn(new TableColumn("killed").RightAligned()).AddColumn(new TableColumn("injured").RightAligned());
        foreach (var i in s.Deadliest.Take(5))
        {
            table.AddRow(i.Id.ToString(Inv), i.Date, Markup.Escape(i.Place), Markup.Escape(i.EventType),
                Markup.Escape(i.Killed), Markup.Escape(i.Injured));
        }
        output.Write(table, "type", "injured");
    }

    private static void Line(IAnsiConsole console, SummaryFigure h)
    {
        if (h.Value is not { } value)
        {
            console.MarkupLine($"  [bold]{"–",12}[/] {h.Metric}: [yellow]{Markup.Escape(h.Missing ?? "unknown")}[/]");
            return;
        }
        var unknownNote = h.Unknown > 0 ? $" [grey]({Counted.Of(h.Unknown, "incident")} with an unknown figure)[/]" : "";
        console.MarkupLine(string.Create(Inv, $"  [bold]{value,12:N0}[/] {h.Metric}{unknownNote}: {Markup.Escape(h.Change)}"));
    }

    private static void Breakdown(CliOutput output, string title, IReadOnlyList<BreakdownRow> rows, IReadOnlyList<string> notRecorded)
    {
        if (rows.Count == 0)
            return;
        static string Shown(long? value, long unknown, string metric, IReadOnlyList<string> notRecorded) =>
            ReportText.Figure(value, unknown, notRecorded.Contains(metric) ? "not recorded" : "unknown");
        var table = new Table().Title(title).Border(TableBorder.Simple)
            .AddColumn("").AddColumn(new TableColumn("incidents").RightAligned()).AddColumn(new TableColumn("killed").RightAligned())
            .AddColumn(new TableColumn("injured").RightAligned());
        foreach (var r in rows)
            table.AddRow(Markup.Escape(r.Name), r.Incidents.ToString("N0", Inv),
                Shown(r.Killed, r.KilledUnknown, "killed", notRecorded), Shown(r.Injured, r.InjuredUnknown, "injured", notRecorded));
        output.Write(table);
    }
}

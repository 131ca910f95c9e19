using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Accountability.Border;
using Vigil.Accountability.Views;
using Vigil.Cli.Infrastructure;
using Vigil.Domain.Border;
using Vigil.Domain.Text;
using Vigil.Domain.Time;

namespace Vigil.Cli.Commands.Accountability;

/// <summary><c>vigil crossings list</c>: the registry.</summary>
public sealed class CrossingsListCommand(CliOutput output, TimeProvider clock) : Command<JsonSettings>
{
    public override int Execute(CommandContext context, JsonSettings settings, CancellationToken cancellationToken)
    {
        using var access = AccountabilityAccess.Open(settings, clock);
        var crossings = access.Service.Store.GetCrossings();
        if (settings.Json)
        {
            output.Out.WriteLine(JsonSerializer.Serialize(crossings, CliJson.Options));
            return ExitCodes.Success;
        }
        var inv = CultureInfo.InvariantCulture;
        var table = new Table().Border(TableBorder.Simple).AddColumns("key", "name", "Pakistan side", "Afghanistan side", "region", "lat, lon", "type");
        foreach (var c in crossings)
            table.AddRow(Markup.Escape(c.Key), Markup.Escape(c.Name), Markup.Escape(c.PakistanName ?? "-"), Markup.Escape(c.AfghanistanName ?? "-"),
                Markup.Escape(c.Region ?? ""), string.Create(inv, $"{c.Latitude:0.######}, {c.Longitude:0.######}"), Markup.Escape(c.Type));
        output.Write(table);
        return ExitCodes.Success;
    }
}

/// <summary>
/// <c>vigil crossings status [KEY]</c>: the status board (every crossing's current status and closures), or
/// one crossing's closures, days closed per month, closures per year and the violence near it.
/// </summary>
public sealed class CrossingsStatusCommand(CliOutput output, TimeProvider clock) : Command<CrossingsStatusCommand.Settings>
{
    public sealed class Settings : JsonSettings
    {
        [CommandArgument(0, "[KEY]")]
        [Description("One crossing (default: all, as a status board).")]
        public string? Key { get; init; }

        [CommandOption("--radius <KM>")]
        [Description("For one crossing: count incidents within this great-circle distance (default 25 km).")]
        public double Radius { get; init; } = 25;

        public override ValidationResult Validate() =>
            Radius is > 0 and <= 2000 ? ValidationResult.Success() : ValidationResult.Error("--radius: give kilometres between 0 and 2000");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var access = AccountabilityAccess.Open(settings, clock);
        if (settings.Key is null)
            return Board(access.Service.Crossings(), settings.Json);
        var report = access.Service.Crossing(settings.Key);
        var near = access.Service.NearbyViolence(settings.Key, settings.Radius, PeriodUnit.Year);
        if (settings.Json)
        {
            output.Out.WriteLine(JsonSerializer.Serialize(new { crossing = CrossingStatusView.Of(report), nearby_violence = near }, CliJson.Options));
            return ExitCodes.Success;
        }
        Board([report], json: false);
        var inv = CultureInfo.InvariantCulture;
        foreach (var e in report.Episodes)
            output.Console.MarkupLine(Markup.Escape($"  closed {e.Start:yyyy-MM-dd} .. {(e.End is { } end ? end.ToString("yyyy-MM-dd", inv) : "today (still closed)")}: {Counted.Of(e.Days, "day")}{(e.Reason is { } r ? " — " + r : "")}"));
        if (report.ClosuresPerYear.Count > 0)
            output.Console.MarkupLine("  closures per year: " + string.Join(", ", report.ClosuresPerYear.Select(y => $"{y.Year}: {y.Closures}")));
        var months = report.DaysClosedByMonth.Where(m => m.DaysClosed > 0).ToList();
        if (months.Count > 0)
            output.Console.MarkupLine("  days closed per month: " + string.Join(", ", months.Select(m => $"{m.Month.Label}: {m.DaysClosed}")));
        output.Console.MarkupLine(Markup.Escape(string.Create(inv,
            $"  within {settings.Radius:0.#} km{(near.Datasets.Count > 0 ? $" ({string.Join(" + ", near.Datasets)})" : "")}: {Counted.Of(near.IncidentsPerPeriod.Sum(v => v.Value), "incident")} with coordinates; during closures {near.DuringClosures.Incidents} in {Counted.Of(near.DuringClosures.Days, "day")}, in as many days before {near.BeforeClosures.Incidents} in {near.BeforeClosures.Days}")));
        return ExitCodes.Success;
    }

    private int Board(IReadOnlyList<CrossingReport> reports, bool json)
    {
        if (json)
        {
            output.Out.WriteLine(JsonSerializer.Serialize(reports.Select(CrossingStatusView.Of), CliJson.Options));
            return ExitCodes.Success;
        }
        var table = new Table().Border(TableBorder.Simple).AddColumns("crossing", "status", "since", "closures", "longest", "reason");
        foreach (var r in reports)
        {
            var status = r.Current is { } c
                ? (c.Status == CrossingStatus.Closed ? "[red]closed[/]" : c.Status == CrossingStatus.Open ? "[green]open[/]" : "[yellow]partially open[/]") + (c.Sample ? " [yellow](sample)[/]" : "")
                : "[grey]unknown[/]";
            table.AddRow(Markup.Escape(r.Crossing.Name), status, r.Current?.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                r.Episodes.Count.ToString(CultureInfo.InvariantCulture), r.Longest is { } l ? $"{Counted.Of(l.Days, "day")} from {l.Start:yyyy-MM-dd}" : "-",
                Markup.Escape(r.Current?.Reason ?? ""));
        }
        output.Write(table);
        return ExitCodes.Success;
    }
}

/// <summary><c>vigil crossings events KEY</c>: a crossing's status events as recorded.</summary>
public sealed class CrossingsEventsCommand(CliOutput output, TimeProvider clock) : Command<KeySettings>
{
    public override int Execute(CommandContext context, KeySettings settings, CancellationToken cancellationToken)
    {
        using var access = AccountabilityAccess.Open(settings, clock);
        var report = access.Service.Crossing(settings.Key);
        if (settings.Json)
        {
            output.Out.WriteLine(JsonSerializer.Serialize(report.Events, CliJson.Options));
            return ExitCodes.Success;
        }
        var table = new Table().Border(TableBorder.Simple).AddColumns("from", "status", "reason", "source", "sample");
        foreach (var e in report.Events)
            table.AddRow(e.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), EnumText<CrossingStatus>.Format(e.Status),
                Markup.Escape(e.Reason ?? ""), Markup.Escape(e.Source?.Name ?? ""), e.Sample ? "[yellow]sample[/]" : "");
        output.Write(table);
        return ExitCodes.Success;
    }
}

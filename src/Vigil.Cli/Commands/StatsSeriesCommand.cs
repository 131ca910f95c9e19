using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Application.Figures;
using Vigil.Application.Reference;
using Vigil.Application.Scopes;
using Vigil.Cli.Infrastructure;
using Vigil.Domain.Claims;
using Vigil.Domain.Incidents;
using Vigil.Domain.Sources;
using Vigil.Domain.Text;
using Vigil.Domain.Time;
using Vigil.Statistics;
using Vigil.Storage;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil stats series</c>: incidents, killed and injured per period, with changes, records and spikes.</summary>
public sealed class StatsSeriesCommand(CliOutput output, TimeProvider clock, ReferenceData reference) : Command<StatsSeriesCommand.Settings>
{
    public sealed class Settings : FilterSettings, ITableFormatSettings
    {
        [CommandOption("--format <FORMAT>")]
        [Description("table, plain (tab-separated, a header line, no wrapping: the default when the output is not a terminal) or matrix (with --breakdown: one row per period, one column per key, and a total).")]
        public string? TableFormat { get; init; }

        public bool AllowsMatrix => true;

        [CommandOption("--by <UNIT>")]
        [Description("day, week (ISO), month (default), quarter or year. Incidents count in the period of their start date.")]
        public string By { get; init; } = "month";

        [CommandOption("--breakdown <DIMENSION>")]
        [Description("province, district, perpetrator, event-type, target-type, dataset or country.")]
        public string? Breakdown { get; init; }

        [CommandOption("--metric <METRIC>")]
        [Description("The metric for changes, records and spikes: attacks, killed (default) or injured. Attacks are militant attacks where every dataset tells them apart, every event where one (UCDP) does not; the answer says which.")]
        public string Metric { get; init; } = "killed";

        [CommandOption("--explain <PERIOD>")]
        [Description("List the incidents behind one period's figure (e.g. 2021-12), with --key for one breakdown key.")]
        public string? Explain { get; init; }

        [CommandOption("--key <KEY>")]
        [Description("With --explain and --breakdown: the breakdown key (e.g. Balochistan).")]
        public string? Key { get; init; }

        [CommandOption("--json")]
        [Description("Print as JSON.")]
        public bool Json { get; init; }

        [CommandOption("--csv")]
        [Description("Print as CSV.")]
        public bool Csv { get; init; }

        public override ValidationResult Validate()
        {
            if (!EnumText<PeriodUnit>.TryParse(By, out _))
                return ValidationResult.Error($"--by: '{By}' is not one of: {string.Join(", ", EnumText<PeriodUnit>.All)}");
            if (Breakdown is not null && ParseBreakdown(Breakdown) is null)
                return ValidationResult.Error($"--breakdown: {BreakdownNames.Problem(Breakdown)}");
            if (!EnumText<ClaimMetric>.TryParse(Metric, out _))
                return ValidationResult.Error($"--metric: '{Metric}' is not one of: {string.Join(", ", EnumText<ClaimMetric>.All)}");
            if (Explain is not null && !Period.TryParse(Explain, out _))
                return ValidationResult.Error($"--explain: '{Explain}' is not a period (YYYY-MM, YYYY, YYYY-Qn, YYYY-Www, YYYY-MM-DD)");
            if (Key is not null && (Explain is null || Breakdown is null))
                return ValidationResult.Error("--key needs --explain and --breakdown");
            return base.Validate();
        }
    }

    internal static GroupBy? ParseBreakdown(string text) => BreakdownNames.Parse(text);

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var db = settings.OpenStore(clock, output);
        var unit = EnumText<PeriodUnit>.Parse(settings.By);
        var breakdown = settings.Breakdown is null ? GroupBy.None : ParseBreakdown(settings.Breakdown)!.Value;
        var metric = EnumText<ClaimMetric>.Parse(settings.Metric);
        if (settings.Explain is not null)
        {
            var explained = OptionErrors.Named(() => new FigureExplanation(db, reference).Run(
                new FigureExplanationRequest(settings.ToInput(), Period.Parse(settings.Explain), breakdown, settings.Key) { Metric = metric }));
            return Explain(explained.Incidents, Period.Parse(settings.Explain), settings.Key, settings.Json, explained.Scope.Query.Sources);
        }

        var (scope, series, grades) = OptionErrors.Named(() => new SeriesFigures(db, reference).Run(new SeriesFiguresRequest(settings.ToInput(), unit, breakdown) { Metric = metric }));
        var filter = scope.Query;
        var rows = SeriesRows.Of(series, metric, wholeHistory: filter.From is null).ToList();
        if (settings.Json)
        {
            output.Out.WriteLine(JsonSerializer.Serialize(new
            {
                unit = EnumText<PeriodUnit>.Format(unit),
                metric = EnumText<ClaimMetric>.Format(metric),
                scope = ScopeJson.Of(scope),
                sourcing = Vigil.Reports.Model.SourcingFigure.Of(grades),
                rows,
            }, CliJson.Options));
            return ExitCodes.Success;
        }
        if (settings.Csv)
        {
            // The rows go to standard output as plain CSV; their scope goes beside them, to standard error, for the reader.
            output.Error.WriteLine($"scope: {scope.Describe("--dataset")} · covers {scope.Coverage.Describe()} · {scope.CountriesLabel}");
            output.Out.WriteLine(SeriesCsv.Header);
            foreach (var r in rows)
                output.Out.WriteLine(SeriesCsv.Line(r));
            return ExitCodes.Success;
        }

        output.Console.MarkupLine($"[bold]{Markup.Escape(scope.Describe("--dataset"))}[/] · covers {Markup.Escape(scope.Coverage.Describe())} · {Markup.Escape(scope.CountriesLabel)}");
        foreach (var note in scope.Coverage.Notes)
            output.Console.MarkupLine($"[yellow]{Markup.Escape(note)}: its periods show as no data[/]");
        foreach (var remark in scope.Remarks)
            output.Console.MarkupLine($"[yellow]{Markup.Escape(remark)}[/]");
        output.Console.MarkupLine($"Sourcing: {Markup.Escape(grades.Text)} (grades: docs/method.md)");
        if (output.Format == TableFormat.Matrix)
        {
            if (breakdown == GroupBy.None)
                throw new OptionException("--format matrix needs --breakdown: it shows one column per breakdown key");
            output.Console.MarkupLine(Markup.Escape($"{SeriesMatrix.Measure(metric)} per {settings.By} × {settings.Breakdown} (--metric chooses)"));
            output.Write(SeriesMatrix.Of(rows, metric, breakdown, series.Coverage.Records(metric == ClaimMetric.Injured ? "injured" : "killed")));
            output.Console.MarkupLine("[grey]'+n unknown' = n incidents with no figure, never counted as zero. 'no data': no dataset in scope covers the period. The total is shown where each incident has one key.[/]");
            return ExitCodes.Success;
        }
        var table = new Table().Border(TableBorder.Simple).AddColumn("period");
        if (breakdown != GroupBy.None)
            table.AddColumn(settings.Breakdown!);
        table.AddColumn(new TableColumn("incidents").RightAligned()).AddColumn(new TableColumn("killed").RightAligned())
            .AddColumn(new TableColumn("injured").RightAligned()).AddColumn(new TableColumn($"{settings.Metric} vs previous").RightAligned())
            .AddColumn(new TableColumn("vs year before").RightAligned()).AddColumn("notes");
        foreach (var r in rows)
        {
            var cells = new List<string> { r.Coverage == "partial" ? r.Period + " (partial)" : r.Period };
            if (breakdown != GroupBy.None)
                cells.Add(Markup.Escape(r.Key ?? "(unknown)"));
            cells.AddRange([
                r.Incidents?.ToString("N0", CultureInfo.InvariantCulture) ?? "[grey]no data[/]",
                Markup.Escape(Range(r.Incidents, r.KilledBest, r.KilledLow, r.KilledHigh, r.KilledUnknown, series.Coverage.Records("killed"))),
                Markup.Escape(Range(r.Incidents, r.InjuredBest, r.InjuredLow, r.InjuredHigh, r.InjuredUnknown, series.Coverage.Records("injured"))),
                Percent(r.ChangePrevious, r.ChangePreviousPercent), Percent(r.ChangeYearBefore, r.ChangeYearBeforePercent),
                Markup.Escape(string.Join("; ", new[] { r.Record, r.Spike }.OfType<string>())),
            ]);
            table.AddRow(cells.ToArray());
        }
        output.Write(table, "notes", "vs year before");
        output.Console.MarkupLine($"[grey]Killed/injured: best estimate (low–high); '+n unknown' = n incidents with no figure, never counted as zero. 'no data': no dataset in scope covers the period; partial periods take no part in changes or records. Changes compare best estimates; no percentage from a zero baseline. Spikes: see docs/method.md.{(breakdown == GroupBy.None ? "" : " --format matrix shows periods × keys.")}[/]");
        return ExitCodes.Success;
    }

    private int Explain(IReadOnlyList<Incident> incidents, Period period, string? key, bool json, SourceScope sources)
    {
        if (json)
        {
            output.Out.WriteLine(JsonSerializer.Serialize(new { period = period.Label, key, ids = incidents.Select(i => i.Id) }, CliJson.Options));
            return ExitCodes.Success;
        }
        var table = IncidentTable.Create().Title($"The {Counted.Of(incidents.Count, "incident")} behind {period.Name}{(key is null ? "" : " — " + Markup.Escape(key))}");
        foreach (var incident in incidents)
            IncidentTable.AddRow(table, incident);
        output.Write(table, IncidentTable.Optional);
        // The figures shown are those of the scope's sources, which the series sums: the total is the figure explained.
        if (ListedFigures.Title(sources) is { } figures)
            output.Console.MarkupLine($"[yellow]{Markup.Escape(figures)}[/]");
        output.Console.MarkupLine($"[grey]{Markup.Escape(ListedFigures.Total(incidents))}[/]");
        return ExitCodes.Success;
    }

    /// <summary>"12 (10–15)", "12 +3 unknown", or what stands for no figure: "", "not recorded", "unknown".</summary>
    private static string Range(long? incidents, long? best, long? low, long? high, long? unknown, bool recorded)
    {
        var inv = CultureInfo.InvariantCulture;
        if (incidents is null)
            return "";
        if (!recorded)
            return "not recorded";
        if (best is not { } b)
            return string.Create(inv, $"unknown ({unknown:N0})");
        var text = RangeText.Of(b, low, high);
        return unknown > 0 ? string.Create(inv, $"{text} +{unknown:N0} unknown") : text;
    }

    private static string Percent(long? change, double? percent) =>
        change is null ? "" : percent is null ? string.Create(CultureInfo.InvariantCulture, $"{change:+#,0;-#,0;0}") : string.Create(CultureInfo.InvariantCulture, $"{percent:+0.0;-0.0;0.0}%");
}

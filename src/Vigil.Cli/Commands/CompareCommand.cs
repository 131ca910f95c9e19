using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Application.Scopes;
using Vigil.Cli.Infrastructure;
using Vigil.Domain.Claims;
using Vigil.Domain.Incidents;
using Vigil.Domain.Text;
using Vigil.Domain.Time;
using Vigil.Statistics;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil compare</c>: one metric from two datasets side by side, per period.</summary>
public sealed class CompareCommand(CliOutput output, TimeProvider clock, ScopeParser scopes) : Command<CompareCommand.Settings>
{
    public sealed class Settings : FilterSettings, ITableFormatSettings
    {
        [CommandOption("--format <FORMAT>")]
        [Description(TableSettings.FormatHelp)]
        public string? TableFormat { get; init; }

        [CommandOption("--a-dataset <DATASET>")]
        [Description("The first dataset (e.g. pbc-suicide).")]
        public string? A { get; init; }

        [CommandOption("--b-dataset <DATASET>")]
        [Description("The second dataset (e.g. ucdp-ged).")]
        public string? B { get; init; }

        [CommandOption("--a-type <TYPE>")]
        [Description("Event types to count in A only (repeatable); --type applies to both.")]
        public string[] ATypes { get; init; } = [];

        [CommandOption("--b-type <TYPE>")]
        [Description("Event types to count in B only (repeatable).")]
        public string[] BTypes { get; init; } = [];

        [CommandOption("--metric <METRIC>")]
        [Description("attacks (default), killed or injured.")]
        public string Metric { get; init; } = "attacks";

        [CommandOption("--by <UNIT>")]
        [Description("year (default), quarter, month, week or day.")]
        public string By { get; init; } = "year";

        [CommandOption("--events")]
        [Description("Compare event by event instead of per period: which of A's records B also holds (same district, dates within --window days, compatible type, group and figures), which only one of them has.")]
        public bool Events { get; init; }

        [CommandOption("--window <DAYS>")]
        [Description("With --events: records at most this many days apart may be one event (default 1).")]
        public int Window { get; init; } = 1;

        [CommandOption("--json")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (A is null || B is null)
                return ValidationResult.Error("give the two datasets: --a-dataset NAME --b-dataset NAME");
            // The events' list shows each dataset's records with their own figures: another sources scope would mislabel them.
            if (Events && Sources is { } sources && !string.Equals(sources, "independent", StringComparison.OrdinalIgnoreCase))
                return ValidationResult.Error($"--sources: --events lists each dataset's records with their own figures; '{sources}' applies to the per-period comparison (without --events)");
            if (Window is < 0 or > 30)
                return ValidationResult.Error("--window must be 0 to 30 days");
            if (!EnumText<ClaimMetric>.TryParse(Metric, out _))
                return ValidationResult.Error($"--metric: '{Metric}' is not one of: {string.Join(", ", EnumText<ClaimMetric>.All)}");
            if (!EnumText<PeriodUnit>.TryParse(By, out _))
                return ValidationResult.Error($"--by: '{By}' is not one of: {string.Join(", ", EnumText<PeriodUnit>.All)}");
            foreach (var t in ATypes.Concat(BTypes))
            {
                if (!EnumText<EventType>.TryParse(t, out _))
                    return ValidationResult.Error($"'{t}' is not an event type: {string.Join(", ", EnumText<EventType>.All)}");
            }
            return base.Validate();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var db = settings.OpenStore(clock, output);
        var store = db.Incidents;
        var metric = EnumText<ClaimMetric>.Parse(settings.Metric);
        var unit = EnumText<PeriodUnit>.Parse(settings.By);
        var shared = settings.ToQuery(scopes);
        var a = shared with { Datasets = [settings.A!], EventTypes = settings.ATypes.Length > 0 ? settings.ATypes : shared.EventTypes };
        var b = shared with { Datasets = [settings.B!], EventTypes = settings.BTypes.Length > 0 ? settings.BTypes : shared.EventTypes };
        if (settings.Events)
            return new CompareEvents(output).Run(store, a, b, settings.A!, settings.B!, settings.Window, settings.Json);
        var rows = DatasetComparison.Compare(store, metric, Estimate.Best, a, b, unit);

        if (settings.Json)
        {
            output.Out.WriteLine(JsonSerializer.Serialize(rows.Select(r => new { period = r.Period.Label, a = r.A, b = r.B, difference = r.Difference, ratio = r.Ratio }), CliJson.Options));
            return ExitCodes.Success;
        }
        if (rows.Count == 0)
        {
            output.Console.MarkupLine("[yellow]The two datasets have no period in common with these filters.[/]");
            return ExitCodes.Success;
        }
        var inv = CultureInfo.InvariantCulture;
        var table = new Table().Border(TableBorder.Simple).AddColumn("period")
            .AddColumn(new TableColumn(Markup.Escape(settings.A!)).RightAligned()).AddColumn(new TableColumn(Markup.Escape(settings.B!)).RightAligned())
            .AddColumn(new TableColumn("A − B").RightAligned()).AddColumn(new TableColumn("A / B").RightAligned());
        foreach (var r in rows)
            table.AddRow(r.Period.Label, r.A.ToString("N0", inv), r.B.ToString("N0", inv), r.Difference.ToString("+#,0;-#,0;0", inv), r.Ratio?.ToString("0.00", inv) ?? "–");
        var totalA = rows.Sum(r => r.A);
        var totalB = rows.Sum(r => r.B);
        table.AddRow("[bold]total[/]", totalA.ToString("N0", inv), totalB.ToString("N0", inv), (totalA - totalB).ToString("+#,0;-#,0;0", inv),
            totalB == 0 ? "–" : ((double)totalA / totalB).ToString("0.00", inv));
        output.Write(table);
        output.Console.MarkupLine($"[grey]{EnumText<ClaimMetric>.Format(metric)} (best estimates) per {settings.By}, over the {settings.By}s both datasets cover; a ratio needs a non-zero B.[/]");
        if (metric != ClaimMetric.Attacks)
            output.Console.MarkupLine($"[grey]{Markup.Escape(ScopeParser.Describe(shared.Sources))}[/]");
        return ExitCodes.Success;
    }
}

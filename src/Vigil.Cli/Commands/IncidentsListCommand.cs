using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Application.Incidents;
using Vigil.Application.Reference;
using Vigil.Cli.Infrastructure;
using Vigil.Domain.Incidents;
using Vigil.Domain.Text;
using Vigil.Ingestion.Export;
using Vigil.Storage;

namespace Vigil.Cli.Commands;

public sealed class IncidentsListCommand(CliOutput output, TimeProvider clock, ReferenceData reference) : Command<IncidentsListCommand.Settings>
{
    public sealed class Settings : FilterSettings, ITableFormatSettings
    {
        [CommandOption("--format <FORMAT>")]
        [Description(TableSettings.FormatHelp)]
        public string? TableFormat { get; init; }

        [CommandOption("--limit <N>")]
        [Description("At most N incidents (default 50 in a table, all with --json or --csv; 0 means all).")]
        public int? Limit { get; init; }

        [CommandOption("--offset <N>")]
        [Description("Skip the first N (for paging).")]
        public int Offset { get; init; }

        [CommandOption("--sort <FIELD>")]
        [Description("date (default), killed, injured or id.")]
        public string Sort { get; init; } = "date";

        [CommandOption("--desc")]
        [Description("Sort in descending order.")]
        public bool Descending { get; init; }

        [CommandOption("--json")]
        [Description("Print the incidents as a JSON array (Vigil's JSON fields, with sources).")]
        public bool Json { get; init; }

        [CommandOption("--csv")]
        [Description("Print the incidents as Vigil CSV.")]
        public bool Csv { get; init; }

        public override ValidationResult Validate()
        {
            if (Json && Csv)
                return ValidationResult.Error("choose --json or --csv, not both");
            if (!EnumText<IncidentSort>.TryParse(Sort, out _))
                return ValidationResult.Error($"--sort: '{Sort}' is not one of: {string.Join(", ", EnumText<IncidentSort>.All)}");
            // Vigil CSV and JSON are the incidents' own records, which re-import: their figures are the incidents' own.
            if ((Json || Csv) && Sources is { } sources && !string.Equals(sources, "independent", StringComparison.OrdinalIgnoreCase))
                return ValidationResult.Error($"--sources: --json and --csv write each incident's own record (its figure from independent sources; every source's own figures in its sources field), which re-imports; '{sources}' figures are shown in the table, the statistics and the API's list");
            if (Limit is < 0 || Offset < 0)
                return ValidationResult.Error("--limit and --offset must be zero or more");
            return base.Validate();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var db = settings.OpenStore(clock, output);
        var machine = settings.Json || settings.Csv;
        var limit = settings.Limit switch { 0 => (int?)null, null => machine ? null : 50, var n => n };
        var listing = OptionErrors.Named(() => new IncidentListing(db, reference).Run(new IncidentListRequest(settings.ToInput())
        {
            Sort = EnumText<IncidentSort>.Parse(settings.Sort),
            Descending = settings.Descending,
            Limit = limit,
            Offset = settings.Offset,
            IncludeSources = machine,
        }));
        var scope = listing.Scope;
        if (settings.Json)
        {
            using var stdout = output.OpenStdout();
            VigilJsonWriter.Write(stdout, listing.Items, lines: false);
            return ExitCodes.Success;
        }
        if (settings.Csv)
        {
            VigilCsvWriter.Write(output.Out, listing.Items);
            output.Out.Flush();
            return ExitCodes.Success;
        }

        // A combined scope lists each real event once: the row is the record of the dataset that comes first, and the
        // records of the other datasets linked to it are named beside it.
        var combined = scope.Datasets.Count > 1;
        var table = IncidentTable.Create();
        if (ListedFigures.Title(scope.Query.Sources) is { } figures)
            table.Title(Markup.Escape(figures));
        if (combined)
            table.AddColumn("also in");
        var shown = 0;
        var page = listing.Items.ToList();
        var linked = listing.Linked(page);
        foreach (var incident in page)
        {
            IncidentTable.AddRow(table, incident, combined ? [string.Join(", ", linked.GetValueOrDefault(incident.Id) ?? [])] : []);
            shown++;
        }
        var total = listing.Total();
        output.Write(table, ["also in", .. IncidentTable.Optional]);
        output.Console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"[grey]{shown:N0} of {Counted.Of(total, "incident")}{(shown < total ? "; --limit 0 shows all, --offset pages" : "")}[/]"));
        output.Console.MarkupLine($"[grey]datasets: {Markup.Escape(scope.Describe("--dataset"))}{(combined ? "; each real event once" : "")}; {Markup.Escape(scope.CountriesLabel)}[/]");
        foreach (var remark in scope.Remarks)
            output.Console.MarkupLine($"[grey]{Markup.Escape(remark)}[/]");
        return ExitCodes.Success;
    }
}

internal static class IncidentTable
{
    /// <summary>The columns a narrow terminal hides first, least needed first.</summary>
    public static readonly string[] Optional = ["source record", "district", "injured", "type"];

    public static Table Create() => new Table().Border(TableBorder.Simple)
        .AddColumn("id").AddColumn("date").AddColumn("province").AddColumn("district").AddColumn("type")
        .AddColumn("parties").AddColumn(new TableColumn("killed").RightAligned()).AddColumn(new TableColumn("injured").RightAligned())
        .AddColumn("source record");

    public static void AddRow(Table table, Incident i, IReadOnlyList<string>? extra = null) => table.AddRow([
        i.Id.ToString(CultureInfo.InvariantCulture),
        Markup.Escape(Dates(i.Date)),
        Markup.Escape(i.Place.Admin1 ?? i.Place.Admin1Raw ?? ""),
        Markup.Escape(i.Place.Admin2 ?? i.Place.Admin2Raw ?? ""),
        EnumText<EventType>.Format(i.EventType),
        Markup.Escape(IncidentParties.Describe(i) ?? ""),
        Markup.Escape(Casualties.Format(i.Killed)),
        Markup.Escape(Casualties.Format(i.Injured)),
        Markup.Escape(i.SourceRecord?.ToString() ?? "(entered)"),
        .. (extra ?? []).Select(Markup.Escape)]);

    public static string Dates(IncidentDate d) =>
        d.IsMultiDay ? $"{d.Start:yyyy-MM-dd} .. {d.End:yyyy-MM-dd}" : d.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

internal static class Casualties
{
    /// <summary>"12", "12 (10–15)" (<see cref="RangeText"/>), "?" for unknown, "≥12" when only a low is known.</summary>
    public static string Format(CasualtyCount c)
    {
        var inv = CultureInfo.InvariantCulture;
        if (c.IsUnknown)
            return "?";
        var best = c.Best?.ToString(inv) ?? (c.Low is { } low ? "≥" + low.ToString(inv) : "≤" + c.High!.Value.ToString(inv));
        return c.Best is { } b ? RangeText.Of(b, c.Low, c.High) : best;
    }
}

using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Application.Reports;
using Vigil.Cli.Infrastructure;
using Vigil.Domain.Time;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil report published</c>: the reports recorded by <c>vigil report monthly --publish</c>, newest first.</summary>
public sealed class ReportPublishedCommand(CliOutput output, TimeProvider clock) : Command<ReportPublishedCommand.Settings>
{
    public sealed class Settings : TableSettings, IAsOfSettings
    {
        [CommandOption(IAsOfSettings.Option)]
        [Description("List the reports published up to this moment (2026-03-31T00:00Z; a date alone is the end of that day, UTC).")]
        public string? AsOf { get; init; }

        [CommandOption("--limit <N>")]
        [Description("The most reports to list, newest first (1 to 1000; default 100).")]
        public int Limit { get; init; } = PublishedReportList.DefaultLimit;

        [CommandOption("--json")]
        [Description("Print the list as JSON.")]
        public bool Json { get; init; }

        public override ValidationResult Validate() => Limit is < 1 or > PublishedReportList.MaxLimit
            ? ValidationResult.Error($"--limit: {Limit.ToString(CultureInfo.InvariantCulture)} is not between 1 and {PublishedReportList.MaxLimit.ToString(CultureInfo.InvariantCulture)}")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var db = settings.OpenStore(clock, output);
        var reports = PublishedReportList.Of(db, settings.Limit);
        if (settings.Json)
        {
            output.Out.WriteLine(JsonSerializer.Serialize(reports, CliJson.Options));
            return ExitCodes.Success;
        }
        if (reports.Count == 0)
        {
            output.Console.MarkupLine(db.AsOf is { } at
                ? Markup.Escape($"No report had been published as of {Moment.Label(at)}.")
                : "No report has been published yet: publish one with vigil report monthly --publish.");
            return ExitCodes.Success;
        }
        var inv = CultureInfo.InvariantCulture;
        var table = new Table().Title(Markup.Escape(Counted.Of(reports.Count, "published report"))).Border(TableBorder.Simple)
            .AddColumns("id", "month", "scope", "figures as of", "data version", "published by", "published at", "figures");
        foreach (var r in reports)
        {
            table.AddRow(r.Id.ToString(inv), r.Month, Markup.Escape(r.Scope), Moment.Label(r.Moment), r.DataVersion.ToString(inv),
                Markup.Escape(r.PublishedBy), Moment.Label(r.PublishedAt), r.Figures.ToString("N0", inv));
        }
        output.Write(table, "figures", "data version", "published at");
        if (output.Format == TableFormat.Table)
            output.Console.MarkupLine("What changed since one was published: vigil report diff ID.");
        return ExitCodes.Success;
    }
}

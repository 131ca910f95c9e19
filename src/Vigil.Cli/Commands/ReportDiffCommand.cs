using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Application.Reference;
using Vigil.Application.Reports;
using Vigil.Cli.Infrastructure;
using Vigil.Domain.Errors;
using Vigil.Domain.Time;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil report diff [ID]</c>: what changed since a report was published, figure by figure and incident by incident.</summary>
public sealed class ReportDiffCommand(CliOutput output, TimeProvider clock, ReferenceData reference) : Command<ReportDiffCommand.Settings>
{
    public sealed class Settings : DatabaseSettings
    {
        [CommandArgument(0, "[ID]")]
        [Description("The published report (see vigil report published); default: the latest.")]
        public long? Id { get; init; }

        [CommandOption("--json")]
        [Description("Print the differences as JSON.")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var db = settings.OpenStore(clock);
        ReportDiff diff;
        try
        {
            diff = new PublishedReports(db, m => settings.Location.OpenAsOf(m, clock), reference, clock).Diff(settings.Id);
        }
        catch (NotFoundException e)
        {
            output.Error.WriteLine($"vigil: {e.Message}");
            return ExitCodes.NotFound;
        }
        if (settings.Json)
        {
            // The command line is an analyst's: every incident is listed, whatever its dataset's licence.
            output.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(ReportDiffAnswer.Of(diff, mayReceiveRestricted: true), CliJson.Options));
            return ExitCodes.Success;
        }
        var r = diff.Report;
        var c = output.Console;
        c.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"Report {r.Id}: {r.Month}, {r.ScopeLabel}; published by {r.PublishedBy} as of {Moment.Label(r.Moment)} (data version {r.DataVersion})")));
        c.MarkupLine(diff.Regenerated.Count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"Regenerated as of its moment: all {diff.FigureCount} figures as published.")
            : string.Create(CultureInfo.InvariantCulture, $"[red]Regenerated as of its moment, {diff.Regenerated.Count} of {diff.FigureCount} figures differ from those published[/] (the history does not hold them):"));
        foreach (var f in diff.Regenerated)
            c.MarkupLine(Markup.Escape($"  {f.Name}: published {Shown(f.Before)}, regenerated {Shown(f.After)}"));
        c.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"Figures changed since: {diff.Figures.Count}"));
        foreach (var f in diff.Figures)
            c.MarkupLine(Markup.Escape($"  {f.Name}: {Shown(f.Before)} → {Shown(f.After)}"));
        c.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"Incidents changed since in its scope, {diff.From:yyyy-MM-dd} to {diff.To:yyyy-MM-dd}: {diff.Incidents.Count}"));
        foreach (var i in diff.Incidents)
        {
            c.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"  {i.Change} {i.Id} ({i.Date}, {i.Place})")));
            foreach (var f in i.Fields)
                c.MarkupLine(Markup.Escape($"      {f.Field}: {Shown(f.Before)} → {Shown(f.After)}"));
        }
        return ExitCodes.Success;
    }

    private static string Shown(string? value) => value is null ? "(absent)" : value.Length == 0 ? "(none)" : value;
}

using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Application.Links;
using Vigil.Cli.Infrastructure;
using Vigil.Domain.Errors;

namespace Vigil.Cli.Commands.Links;

/// <summary><c>vigil links build --dataset A --dataset B</c>: links A's records with B's (<see cref="DatasetLinking"/>); nothing is merged.</summary>
public sealed class LinksBuildCommand(CliOutput output, TimeProvider clock) : Command<LinksBuildCommand.Settings>
{
    public sealed class Settings : DecisionSettings
    {
        [CommandOption("--dataset <DATASET>")]
        [Description("The two datasets to link, A then B (give it twice); each record of A is matched with B's records.")]
        public string[] Datasets { get; init; } = [];

        [CommandOption("--window-days <N>")]
        [Description("Records at most N days apart may be one event (default 1, at most 30).")]
        public int WindowDays { get; init; } = 1;

        [CommandOption("--json")]
        [Description("Print as JSON.")]
        public bool Json { get; init; }

        public override ValidationResult Validate() => LinkOptions.TwoDatasets(Datasets)
            ?? (WindowDays is < 0 or > DatasetLinking.MaxWindowDays
                ? ValidationResult.Error($"--window-days must be 0 to {DatasetLinking.MaxWindowDays}")
                : ValidationResult.Success());
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var db = settings.OpenStore(clock);
        DatasetLinkResult r;
        try
        {
            r = new DatasetLinking(db, clock).Link(new DatasetLinkRequest(settings.Datasets[0], settings.Datasets[1], settings.WindowDays, settings.Who));
        }
        catch (FieldException e)
        {
            return LinkOptions.Usage(output, e);
        }
        var inv = CultureInfo.InvariantCulture;
        if (settings.Json)
        {
            output.Out.WriteLine(JsonSerializer.Serialize(new
            {
                dataset_a = r.DatasetA,
                dataset_b = r.DatasetB,
                from = r.From?.ToString("yyyy-MM-dd", inv),
                to = r.To?.ToString("yyyy-MM-dd", inv),
                window_days = settings.WindowDays,
                r.Compared,
                r.Matched,
                ambiguous_records = r.AmbiguousRecords,
                r.Linked,
                r.Ambiguous,
                already_linked = r.AlreadyLinked,
                skipped_rejected = r.SkippedRejected,
                seconds = Math.Round(r.Elapsed.TotalSeconds, 3),
            }, CliJson.Options));
            return ExitCodes.Success;
        }
        if (r.From is not { } from || r.To is not { } to)
        {
            output.Out.WriteLine($"{r.DatasetA} and {r.DatasetB} have no days in common: nothing to link");
            return ExitCodes.Success;
        }
        output.Out.WriteLine(string.Create(inv, $"{r.DatasetA} against {r.DatasetB}, {from:yyyy-MM-dd} to {to:yyyy-MM-dd} (the days both cover)"));
        output.Out.WriteLine(string.Create(inv, $"  {Counted.Of(r.Compared, "record")} compared: {r.Matched:N0} with one match, {r.AmbiguousRecords:N0} with several"));
        output.Out.WriteLine(string.Create(inv, $"  stored: {r.Linked:N0} linked, {r.Ambiguous:N0} ambiguous {Counted.Noun(r.Ambiguous, "pair")} (for review)"));
        output.Out.WriteLine(string.Create(inv, $"  kept: {r.AlreadyLinked:N0} already stored, {r.SkippedRejected:N0} rejected before"));
        output.Out.WriteLine(string.Create(inv, $"  nothing was merged; {r.Elapsed.TotalSeconds:0.00} s"));
        return ExitCodes.Success;
    }
}

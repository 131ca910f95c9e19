using System.ComponentModel;
using System.Globalization;
using Spectre.Console.Cli;
using Vigil.Application.News;
using Vigil.Application.Reference;
using Vigil.Cli.Infrastructure;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil ingest-news</c>: extract from news files and queue every item for review as a pending candidate.</summary>
public sealed class IngestNewsCommand(CliOutput output, TimeProvider clock, ReferenceData reference) : Command<IngestNewsCommand.Settings>
{
    public sealed class Settings : DatabaseSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("News files: plain text, HTML, or JSON lines.")]
        public string[] Files { get; init; } = [];

        [CommandOption("--published <DATE>")]
        [Description("Publication date (YYYY-MM-DD) for plain or HTML files that do not give one.")]
        public string? Published { get; init; }

        [CommandOption("--accept-all")]
        [Description("Bulk switch: accept the report candidates at once, merged as `vigil merge --apply` would (into a stored incident they match, several reports of one attack as one incident), each other report a new incident; they enter the statistics. Reports matching several stored incidents equally, and other kinds, stay pending.")]
        public bool AcceptAll { get; init; }

        [CommandOption("--by <NAME>")]
        [Description("Who accepts with --accept-all (default: the user name).")]
        public string? By { get; init; }

        public override Spectre.Console.ValidationResult Validate() =>
            Published is not null && !DateOnly.TryParseExact(Published, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? Spectre.Console.ValidationResult.Error($"--published: '{Published}' is not a date (YYYY-MM-DD)")
                : Spectre.Console.ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        DateOnly? published = settings.Published is null ? null : DateOnly.ParseExact(settings.Published, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var db = settings.OpenStore(clock);
        var ingestion = new NewsIngestion(db, reference);
        var inv = CultureInfo.InvariantCulture;
        foreach (var file in settings.Files)
        {
            var result = ingestion.Run(new NewsIngestionRequest(file, published, settings.AcceptAll, settings.By ?? Environment.UserName), cancellationToken);
            output.Out.WriteLine(string.Create(inv,
                $"{file}: {Counted.Of(result.CandidateIds.Count, "candidate")} queued for review ({string.Join(", ", result.Kinds.Select(k => $"{k.Count} {k.Kind}"))})"));
            if (result.Accepted is { } a)
            {
                foreach (var why in a.LeftWhy)
                    output.Error.WriteLine(why);
                output.Out.WriteLine(string.Create(inv,
                    $"{file}: {a.Accepted} report candidates accepted as incidents ({a.Created} new, {a.IntoStored} merged into stored incidents, {a.Clustered} merged with other reports of the same attack), {a.Left} left pending"));
            }
        }
        return ExitCodes.Success;
    }
}

using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console.Cli;
using Vigil.Application.Reference;
using Vigil.Application.Review;
using Vigil.Cli.Infrastructure;
using Vigil.Domain.Claims;
using Vigil.Domain.Errors;
using Vigil.Domain.Text;
using Vigil.Extraction;
using Vigil.Extraction.Input;
using Vigil.Storage;

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
        var queue = db.Candidates;
        foreach (var file in settings.Files)
        {
            if (!File.Exists(file))
                throw new NotFoundException($"{file}: no such file");
            var candidates = new List<ExtractionCandidate>();
            foreach (var article in ArticleReader.Read(file, published))
            {
                cancellationToken.ThrowIfCancellationRequested();
                candidates.AddRange(Candidates(reference.Extractor.Extract(article)));
            }
            var ids = queue.Add(candidates);
            output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{file}: {ids.Count} candidates queued for review ({string.Join(", ", candidates.GroupBy(c => c.Kind).Select(g => $"{g.Count()} {g.Key}"))})"));
            if (settings.AcceptAll)
                AcceptReports(db, [.. ids.Select((id, i) => (id, candidates[i])).Where(x => x.Item2.Kind == "report").Select(x => (x.id, x.Item2.Payload))],
                    settings.By ?? Environment.UserName, file);
        }
        return ExitCodes.Success;
    }

    /// <summary>
    /// The bulk accept: the file's report candidates are merged first (into stored incidents they match, with each
    /// other when several report one attack; each merge recorded and reversible), the rest accepted one by one as new
    /// incidents; ambiguous ones (several stored incidents match equally) stay pending for an analyst.
    /// </summary>
    private void AcceptReports(IVigilDatabase db, IReadOnlyList<(long Id, string Payload)> reports, string by, string file)
    {
        var inv = CultureInfo.InvariantCulture;
        var queue = db.Candidates;
        var (plan, _) = QueueMerges.Plan(db, 1, reports);
        int created = 0, into = 0, clustered = 0, left = 0;
        foreach (var merge in QueueMerges.Apply(db, plan, by))
        {
            if (merge.Planned.Entry.Outcome == Extraction.Merging.MergeOutcome.IntoExisting)
                into += merge.Planned.CandidateIds.Count;
            else
                clustered += merge.Planned.CandidateIds.Count;
        }
        foreach (var p in plan.Where(p => p.LeftForReview))
        {
            if (p.Entry.Ambiguous)
            {
                left += p.CandidateIds.Count;
                output.Error.WriteLine(string.Create(inv, $"{file}: candidates {string.Join(",", p.CandidateIds)} left pending: {p.Entry.Why}"));
                continue;
            }
            foreach (var id in p.CandidateIds)
            {
                try
                {
                    queue.Accept(id, by, c => Extraction.Review.ReportIncident.FromPayload(c.Payload));
                    created++;
                }
                catch (VigilException e)
                {
                    left++;
                    output.Error.WriteLine(string.Create(inv, $"{file}: candidate {id} left pending: {e.Message}"));
                }
            }
        }
        output.Out.WriteLine(string.Create(inv,
            $"{file}: {created + into + clustered} report candidates accepted as incidents ({created} new, {into} merged into stored incidents, {clustered} merged with other reports of the same attack), {left} left pending"));
    }

    /// <summary>One pending candidate per extracted item, each with a summary, its evidence and the full JSON.</summary>
    public static IEnumerable<ExtractionCandidate> Candidates(ArticleExtraction x)
    {
        var inv = CultureInfo.InvariantCulture;
        var a = x.Article;
        var published = a.Published?.ToString("yyyy-MM-dd", inv);
        ExtractionCandidate Make(string kind, string summary, string? evidence, string payload) =>
            new(0, a.Id, a.Source, a.Url, published, kind, summary, evidence, payload, CandidateStatus.Pending, null, "", null, null);

        if (x.Report is { } r)
        {
            var summary = string.Join("; ", new[]
            {
                r.Killed is { } k ? $"killed {k.Best?.ToString(inv) ?? "?"} ({k.Rule})" : null,
                r.Injured is { } i ? $"injured {i.Best?.ToString(inv) ?? "?"} ({i.Rule})" : null,
                r.EventType is { } t ? EnumText<Domain.Incidents.EventType>.Format(t.Value) : null,
                r.Place?.Place.Admin2 ?? r.Place?.Place.Admin1,
                r.Date is { } d ? d.Value.Start.ToString("yyyy-MM-dd", inv) : null,
                r.Perpetrator?.Value.Actor.Name,
            }.Where(s => s is not null));
            var payload = JsonSerializer.SerializeToNode(r, ExtractionJson.Options)!.AsObject();
            payload["headline"] = a.Title;
            payload["url"] = a.Url;
            yield return Make("report", summary, r.Killed?.Phrase ?? r.EventType?.Evidence, payload.ToJsonString());
        }
        foreach (var c in x.Claims)
        {
            yield return Make("claim", $"{EnumText<ClaimMetric>.Format(c.Metric)} {EnumText<ValueQualifier>.Format(c.Qualifier)} {c.Value?.ToString(inv)} in {c.Period.Label}",
                c.Evidence is { } e ? x.Text[e.Start..e.End] : null, ClaimJson.ToJson(c).ToJsonString());
        }
        foreach (var e in x.Engagements)
            yield return Make("engagement", $"{e.Who.Value} to {e.Where?.Text ?? "?"}", x.Text[e.Start..e.End], JsonSerializer.Serialize(e, ExtractionJson.Options));
        foreach (var b in x.BorderEvents)
            yield return Make("border-event", $"{EnumText<Extraction.Statements.BorderEventKind>.Format(b.Kind)} of {b.Crossing.Place.Location}", b.Cue.Evidence, JsonSerializer.Serialize(b, ExtractionJson.Options));
        foreach (var m in x.Commitments)
            yield return Make("commitment", $"{m.GiverActor ?? m.Giver?.Value ?? "?"} to {m.Recipient ?? "?"}", x.Text[m.Start..m.End], JsonSerializer.Serialize(m, ExtractionJson.Options));
    }
}

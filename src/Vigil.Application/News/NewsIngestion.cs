using System.Globalization;
using System.Text.Json;
using Vigil.Application.Reference;
using Vigil.Application.Review;
using Vigil.Domain.Claims;
using Vigil.Domain.Errors;
using Vigil.Domain.Text;
using Vigil.Extraction;
using Vigil.Extraction.Input;
using Vigil.Storage;

namespace Vigil.Application.News;

/// <summary>One news file to read: its publication date when the file gives none, and whether to accept its reports at once, as whom.</summary>
public sealed record NewsIngestionRequest(string File, DateOnly? Published = null, bool AcceptAll = false, string By = "");

/// <summary>The candidates a file queued (in order), how many of each kind, and what the bulk accept did.</summary>
public sealed record NewsIngestionResult(string File, IReadOnlyList<long> CandidateIds, IReadOnlyList<(string Kind, int Count)> Kinds, BulkAcceptance? Accepted);

/// <summary>
/// The bulk accept of a file's reports: created as new incidents, merged into stored incidents, merged with other
/// reports of the same attack, and left pending (each with why).
/// </summary>
public sealed record BulkAcceptance(int Created, int IntoStored, int Clustered, int Left, IReadOnlyList<string> LeftWhy)
{
    public int Accepted => Created + IntoStored + Clustered;
}

/// <summary>
/// Reading news for review, for <c>vigil ingest-news</c> (and the intake to come): every article of a file read,
/// extracted, and each extracted item queued as a pending candidate with its evidence; with
/// <see cref="NewsIngestionRequest.AcceptAll"/>, the file's report candidates are merged first (into stored incidents
/// they match, several reports of one attack as one; each merge recorded and reversible) and the rest accepted one
/// by one as new incidents, ambiguous ones left pending for an analyst.
/// </summary>
public sealed class NewsIngestion(IVigilDatabase db, ReferenceData reference)
{
    /// <exception cref="NotFoundException">The file does not exist.</exception>
    public NewsIngestionResult Run(NewsIngestionRequest request, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(request.File))
            throw new NotFoundException($"{request.File}: no such file");
        var candidates = new List<ExtractionCandidate>();
        foreach (var article in ArticleReader.Read(request.File, request.Published))
        {
            cancellationToken.ThrowIfCancellationRequested();
            candidates.AddRange(Candidates(reference.Extractor.Extract(article)));
        }
        var ids = db.Candidates.Add(candidates);
        var kinds = candidates.GroupBy(c => c.Kind).Select(g => (g.Key, g.Count())).ToList();
        var accepted = request.AcceptAll
            ? AcceptReports([.. ids.Select((id, i) => (id, candidates[i])).Where(x => x.Item2.Kind == "report").Select(x => (x.id, x.Item2.Payload))], request.By, request.File)
            : null;
        return new NewsIngestionResult(request.File, ids, kinds, accepted);
    }

    private BulkAcceptance AcceptReports(IReadOnlyList<(long Id, string Payload)> reports, string by, string file)
    {
        var inv = CultureInfo.InvariantCulture;
        var queue = db.Candidates;
        var (plan, _) = QueueMerges.Plan(db, 1, reports);
        int created = 0, into = 0, clustered = 0, left = 0;
        var why = new List<string>();
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
                why.Add(string.Create(inv, $"{file}: candidates {string.Join(",", p.CandidateIds)} left pending: {p.Entry.Why}"));
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
                    why.Add(string.Create(inv, $"{file}: candidate {id} left pending: {e.Message}"));
                }
            }
        }
        return new BulkAcceptance(created, into, clustered, left, why);
    }

    // Who gave the article's own figure, when the text names someone: "killed 8 (digits, from police)".
    private static string From(Extraction.Numbers.CasualtyMention m) => m.Speaker is { } s ? $", from {s.Text}" : "";

    // A figure the article relays from a party: "party claim, TTP (the TTP): killed 25".
    private static string PartyClaim(Extraction.Incidents.PartyFigure c)
    {
        var inv = CultureInfo.InvariantCulture;
        var figures = string.Join(", ", new[]
        {
            c.Killed?.Best is { } k ? $"killed {k.ToString(inv)}" : null,
            c.Injured?.Best is { } i ? $"injured {i.ToString(inv)}" : null,
        }.Where(f => f is not null));
        var named = string.Equals(c.Party, c.Speaker.Text, StringComparison.OrdinalIgnoreCase) ? "" : $" ({c.Speaker.Text})";
        return $"party claim, {c.Party}{named}: {figures}";
    }

    /// <summary>One pending candidate per extracted item, each with a summary, its evidence and the full JSON; the article's text is kept once beside them.</summary>
    public static IEnumerable<ExtractionCandidate> Candidates(ArticleExtraction x)
    {
        var inv = CultureInfo.InvariantCulture;
        var a = x.Article;
        var published = a.Published?.ToString("yyyy-MM-dd", inv);
        var article = new QueuedArticle(a.Id, a.Title, x.Text, EnumText<Extraction.Documents.DocumentKind>.Format(x.Document.Kind));
        ExtractionCandidate Make(string kind, string summary, string? evidence, string payload) =>
            new(0, a.Id, a.Source, a.Url, published, kind, summary, evidence, payload, CandidateStatus.Pending, null, "", null, null) { Article = article };

        if (x.Report is { } r)
        {
            var summary = string.Join("; ", new[]
            {
                r.Killed is { } k ? $"killed {k.Best?.ToString(inv) ?? "?"} ({k.Rule}{From(k)})" : null,
                r.Injured is { } i ? $"injured {i.Best?.ToString(inv) ?? "?"} ({i.Rule}{From(i)})" : null,
                r.EventType is { } t ? EnumText<Domain.Incidents.EventType>.Format(t.Value) : null,
                r.Place?.Place.Admin2 ?? r.Place?.Place.Admin1,
                r.Date is { } d ? d.Value.Start.ToString("yyyy-MM-dd", inv) : null,
                r.Perpetrator?.Value.Actor.Name,
            }.Concat(r.PartyClaims.Select(PartyClaim)).Where(s => s is not null));
            var payload = JsonSerializer.SerializeToNode(r, ExtractionJson.Options)!.AsObject();
            payload["headline"] = a.Title;
            payload["url"] = a.Url;
            yield return Make("report", summary, r.KilledAsRead?.Phrase ?? r.EventType?.Evidence, payload.ToJsonString());
        }
        foreach (var c in x.Claims)
        {
            var baseline = c.Baseline is { } b ? $"; from {b.Value.ToString(inv)} in {b.Period.Label}" : "";
            var comparison = c.Comparison switch
            {
                ChangeComparison ch => $"; change {ch.Percent.ToString("+0.#;-0.#;0", inv)}%",
                RecordComparison rc => rc.Rank > 1 ? $"; rank {rc.Rank.ToString(inv)} since {rc.Since.Label}" : $"; {(rc.OneOf ? "one of the highest" : "the highest")} since {rc.Since.Label}",
                AllTimeRecordComparison => "; the highest since records began",
                _ => "",
            };
            yield return Make("claim", $"{EnumText<ClaimMetric>.Format(c.Metric)} {EnumText<ValueQualifier>.Format(c.Qualifier)} {c.Value?.ToString(inv)} in {c.Period.Label}, {c.Scope.Describe()}{comparison}{baseline}",
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

using System.Globalization;
using Microsoft.Extensions.Primitives;
using Vigil.Application.Review;
using Vigil.Dashboard.Shell;
using Vigil.Domain.Errors;
using Vigil.Extraction.Review;
using Vigil.Storage;
using Vigil.Web;
using Vigil.Web.Auth;
using Vigil.Web.Stores;

namespace Vigil.Dashboard.Review;

/// <summary>
/// GET /review — the pending extracted candidates with their evidence and, for reports, what merging suggests (the
/// stored incident the report matches, or the other reports of the same attack) (viewer). POST /review/{id}/accept
/// (with optional field edits, or merge_into an incident), /review/{id}/reject, and /review/merge (a suggested
/// group into its incident, or accepted together as one) — analyst, with the form token. Accepting creates what
/// the candidate becomes (an incident, an engagement, a commitment, a status event or an accepted claim) in the
/// same transaction that marks the candidate; each decision is in the audit trail.
/// </summary>
internal static class ReviewPages
{
    public static void MapReviewPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/review", ListAsync).ExcludeFromDescription();
        app.MapPost("/review/{id:long}/accept", (long id, HttpContext context, StoreAccess stores, TimeProvider clock) => DecideAsync(id, true, context, stores, clock))
            .ExcludeFromDescription();
        app.MapPost("/review/{id:long}/reject", (long id, HttpContext context, StoreAccess stores, TimeProvider clock) => DecideAsync(id, false, context, stores, clock))
            .ExcludeFromDescription();
        app.MapGet("/review/{id:long}", ArticleAsync).ExcludeFromDescription();
        app.MapPost("/review/merge", MergeAsync).ExcludeFromDescription();
        app.MapGet("/review/merges", MergesAsync).ExcludeFromDescription();
        app.MapPost("/review/merges/{id:long}/undo", (long id, HttpContext context, StoreAccess stores, TimeProvider clock, ILogger<AppliedMerge> log) =>
            RunAsync(context, stores, clock, "Cannot undo", (db, author, _) =>
            {
                QueueMerges.Undo(db, id, author, log);
                return $"merge {id} undone";
            }, "/review/merges")).ExcludeFromDescription();
    }

    /// <summary>GET /review/merges: the recorded merges, newest first, with an undo button for analysts.</summary>
    private static async Task<IResult> MergesAsync(HttpContext context, StoreAccess stores, string? done)
    {
        var chrome = PageChrome.For(context);
        if (await PageAccess.CheckAsync(context, chrome, Policies.Read) is { } denied)
            return denied;
        using var db = stores.Open();
        // As of a past moment nothing can be undone: the past is read-only.
        var canDecide = (chrome.Viewer.Role is ApiRole.Analyst or ApiRole.Admin) && !chrome.ReadOnly;
        return Pages.Render<MergesPage>(chrome, new MergesModel(db.Candidates.Merges(200), canDecide, done));
    }

    /// <summary>GET /review/{id}: the candidate's article whole, every value extracted from it marked, beside the candidates read from it.</summary>
    private static async Task<IResult> ArticleAsync(long id, HttpContext context, StoreAccess stores)
    {
        var chrome = PageChrome.For(context);
        if (await PageAccess.CheckAsync(context, chrome, Policies.Read) is { } denied)
            return denied;
        using var db = stores.Open();
        if (db.Candidates.Get(id) is not { } candidate)
            return Pages.Message(chrome, StatusCodes.Status404NotFound, "Candidate not found", $"There is no candidate {id}.", "The review queue", "/review");
        var article = db.Candidates.ArticleOf(id);
        var siblings = article is null ? [candidate] : db.Candidates.OfArticle(article.Id);
        var marks = article is null ? [] : ArticleHighlights.Marks(article, siblings);
        return Pages.Render<ReviewArticlePage>(chrome, new ReviewArticleModel(candidate, article, siblings, marks));
    }

    private static async Task<IResult> ListAsync(HttpContext context, StoreAccess stores, string? done)
    {
        var chrome = PageChrome.For(context);
        if (await PageAccess.CheckAsync(context, chrome, Policies.Read) is { } denied)
            return denied;
        using var db = stores.Open();
        var pending = db.Candidates.List(CandidateStatus.Pending, 200);
        var suggestions = new Dictionary<long, Extraction.Review.PlannedMerge>();
        if (pending.Any(c => c.Kind == "report"))
        {
            // Planned for the candidates on the page only, so a long queue does not make every page view re-plan it all.
            var shown = pending.Where(c => c.Kind == "report").Select(c => (c.Id, c.Payload));
            foreach (var p in QueueMerges.Plan(db, 1, shown).Plan.Where(p => p.Entry.Outcome != Extraction.Merging.MergeOutcome.LeftForReview))
            {
                foreach (var id in p.CandidateIds)
                    suggestions[id] = p;
            }
        }
        // As of a past moment nothing can be decided: the past is read-only.
        var canDecide = (chrome.Viewer.Role is ApiRole.Analyst or ApiRole.Admin) && !chrome.ReadOnly;
        return Pages.Render<ReviewPage>(chrome, new ReviewModel(pending, canDecide, done) { Suggestions = suggestions });
    }

    private static Task<IResult> DecideAsync(long id, bool accept, HttpContext context, StoreAccess stores, TimeProvider clock) =>
        RunAsync(context, stores, clock, "Cannot accept", (db, author, form) =>
        {
            var queue = db.Candidates;
            if (!accept)
            {
                queue.Reject(id, author);
                return $"candidate {id} rejected";
            }
            if (Text(form["merge_into"]) is { } into)
            {
                var incidentId = long.TryParse(into, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new FieldException("merge_into", $"'{into}' is not an incident id");
                return CandidateAcceptance.MergeInto(db, id, incidentId, author, Text(form["use_figures"]) is "on" or "true").Describe();
            }
            return CandidateAcceptance.Accept(db, id, author, Edits(form),
                context.RequestServices.GetRequiredService<ServerOptions>().DateLimit(clock)).Describe();
        });

    /// <summary>Carries out one suggested merge: the candidates (ids) into the incident (into) or, without one, as one new incident.</summary>
    private static Task<IResult> MergeAsync(HttpContext context, StoreAccess stores, TimeProvider clock) =>
        RunAsync(context, stores, clock, "Cannot merge", (db, author, form) =>
        {
            var queue = db.Candidates;
            var ids = ReviewDecisions.ParseIds(Text(form["ids"]) ?? "");
            var why = Text(form["why"]) ?? "suggested merge accepted on the review page";
            if (Text(form["into"]) is { } into && long.TryParse(into, NumberStyles.None, CultureInfo.InvariantCulture, out var incidentId))
            {
                var (_, mergeId) = queue.MergeInto(ids, incidentId, author, why, (cs, current) => ReviewDecisions.MergeIntoIncident(current, cs.Select(c => c.Payload)));
                return $"candidates {string.Join(",", ids)} merged into incident {incidentId} (merge {mergeId})";
            }
            var (incident, clusterId) = queue.AcceptCluster(ids, author, why, cs => ReviewDecisions.ClusterIncident(cs.Select(c => c.Payload)));
            return $"candidates {string.Join(",", ids)} accepted as incident {incident.Id} (merge {clusterId})";
        });

    /// <summary>A decision posted from the page (an analyst's, with the form token), run, audited and shown (<see cref="PageActions"/>).</summary>
    private static Task<IResult> RunAsync(HttpContext context, StoreAccess stores, TimeProvider clock, string refused,
        Func<IVigilDatabase, string, IFormCollection, string> decide, string page = "/review") =>
        PageActions.RunAsync(context, stores, clock, Policies.Write, refused, page, (db, author, form) => Task.FromResult(decide(db, author, form)),
            "it may have been decided already");

    /// <summary>The field edits of an accept form: every editable field given a value.</summary>
    private static List<KeyValuePair<string, string>> Edits(IFormCollection form) =>
        [.. StatementFields.All.Where(f => Text(form[f]) is not null).Select(f => new KeyValuePair<string, string>(f, Text(form[f])!))];

    private static string? Text(StringValues value) => value.ToString().Trim() is { Length: > 0 } s ? s : null;
}

/// <summary>The recorded merges, newest first.</summary>
public sealed record MergesModel(IReadOnlyList<MergeRow> Merges, bool CanDecide, string? Done);

/// <summary>The pending candidates; <see cref="Suggestions"/> what merging suggests for report candidates (by candidate id).</summary>
public sealed record ReviewModel(IReadOnlyList<ExtractionCandidate> Pending, bool CanDecide, string? Done)
{
    public IReadOnlyDictionary<long, Extraction.Review.PlannedMerge> Suggestions { get; init; } = new Dictionary<long, Extraction.Review.PlannedMerge>();
}

/// <summary>A candidate, the article it was read from (null when queued before articles were kept), the candidates read from that article, and where their values are.</summary>
public sealed record ReviewArticleModel(ExtractionCandidate Candidate, QueuedArticle? Article, IReadOnlyList<ExtractionCandidate> Candidates, IReadOnlyList<ValueMark> Marks);

using System.Globalization;
using Vigil.Application.News;
using Vigil.Application.Reference;
using Vigil.Extraction.Input;
using Vigil.Server.Infrastructure;
using Vigil.Web.Auth;
using Vigil.Web.Stores;

namespace Vigil.Server.Api;

/// <summary>
/// POST /api/v1/intake (analyst): articles pushed by scrapers and newsroom systems, in the fields of
/// <c>vigil ingest-news</c>'s JSON lines. Each is kept once — a repeat of an article already kept (same address,
/// id or text) is recorded as another source of it — and a new one's extracted items are queued for review.
/// </summary>
public static class IntakeApi
{
    public static void MapIntake(this RouteGroupBuilder api) =>
        api.MapPost("/intake", Receive).WithTags("review").RequireAuthorization(Policies.Write)
            .WithSummary("Receives articles (an array of at most 100): each new one is read by the extractor and its items queued for review with its document kind; a repeat of an article already kept — the same address (without fragment or tracking parameters), the same id (a feed's GUID) or the same text — is recorded as another source of it and queues nothing.")
            .JsonBody<IReadOnlyList<IntakeArticle>>().Produces<IReadOnlyList<IntakeAnswer>>();

    private static async Task<IResult> Receive(HttpContext context, StoreAccess stores, ReferenceData reference)
    {
        var (body, problem) = await JsonBody.ReadAsync<List<IntakeArticle>>(context);
        if (problem is not null)
            return problem;
        if (body!.Count == 0)
            return Problems.Field("body", "give at least one article");
        if (body.Count > NewsIntake.MaxArticles)
            return Problems.Field("body", $"has {body.Count:N0} articles; send at most {NewsIntake.MaxArticles} per request");
        var articles = new List<Article>(body.Count);
        for (var i = 0; i < body.Count; i++)
        {
            var a = body[i];
            if (a is null)
                return Problems.Field($"[{i}]", "an article object is required");
            if (string.IsNullOrWhiteSpace(a.Text))
                return Problems.Field($"[{i}].text", "is required: the article's text (or HTML)");
            DateOnly? published = null;
            if (a.Published is { } p)
            {
                if (p.Length < 10 || !DateOnly.TryParseExact(p[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                    return Problems.Field($"[{i}].published", $"'{p}' is not a date (YYYY-MM-DD)");
                published = day;
            }
            articles.Add(new Article(string.IsNullOrWhiteSpace(a.Id) ? NewsIntake.GeneratedId() : a.Id.Trim(),
                ArticleReader.Readable(a.Text, a.Html == true), published, a.Source, a.Url, a.Title));
        }
        using var db = stores.Open();
        var outcomes = new NewsIntake(db, reference).Receive(articles, Actor.Of(context), context.RequestAborted);
        return Results.Ok(outcomes.Select(o => new IntakeAnswer(o.Index, o.ArticleId, o.Receipt.ArticleRef, o.Receipt.Duplicate, o.Receipt.MatchedBy,
            o.Receipt.CandidateIds, o.Receipt.Sources)).ToList());
    }
}

/// <summary>An article pushed to POST /intake: the fields of <c>vigil ingest-news</c>'s JSON lines; text is required.</summary>
[ApiInput]
public sealed record IntakeArticle(string? Id, string? Published, string? Source, string? Url, string? Title, string? Text, bool? Html);

/// <summary>
/// What an article pushed became: its index in the request, its id, the article kept (article_ref), whether it repeats
/// one already kept and what matched (url, id or text), the candidates queued from it, and how many sources it has now.
/// </summary>
public sealed record IntakeAnswer(int Index, string Id, long ArticleRef, bool Duplicate, string? MatchedBy, IReadOnlyList<long> Candidates, int Sources);

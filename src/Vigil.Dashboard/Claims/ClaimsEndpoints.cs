using Vigil.Application.Claims;
using Vigil.Application.Reference;
using Vigil.Application.Reports;
using Vigil.Application.Review;
using Vigil.Application.Scopes;
using Vigil.Dashboard.Shell;
using Vigil.Domain.Claims;
using Vigil.Domain.Errors;
using Vigil.Statistics;
using Vigil.Statistics.Claims;
using Vigil.Web.Auth;
using Vigil.Web.Stores;

namespace Vigil.Dashboard.Claims;

/// <summary>
/// /claims — check a claim given in the form (GET, so a checked claim can be shared as a link), or claims
/// pasted as JSON (POST: the text may be long), with <see cref="ClaimChecks"/>: the verdict with the numbers. Under
/// the form, the claims accepted from the news (vigil review) with their verdicts now.
/// </summary>
internal static class ClaimsEndpoints
{
    public static void MapClaimPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/claims", CheckFormAsync).ExcludeFromDescription();
        app.MapPost("/claims", CheckJsonAsync).ExcludeFromDescription();
        app.MapPost("/claims/article", CheckArticleAsync).ExcludeFromDescription();
    }

    /// <summary>POST /claims/article: paste and check — the statistics an article states, each checked, highlighted in its text.</summary>
    private static async Task<IResult> CheckArticleAsync(HttpContext context, StoreAccess stores, ReferenceData reference)
    {
        var chrome = PageChrome.For(context);
        if (await PageAccess.CheckAsync(context, chrome, Policies.Read) is { } denied)
            return denied;
        if (!await FormToken.IsValidAsync(context))
            return Pages.FormExpired(chrome);
        var posted = await context.Request.ReadFormAsync(context.RequestAborted);
        var article = new ArticleForm(posted["article"].ToString(), posted["html"] == "true", posted["published"].ToString().Trim(), posted["dataset"].ToString().Trim());
        using var db = stores.Open();
        var options = FilterOptions.Load(db.Incidents, reference, "Pakistan");
        var accepted = AcceptedClaimChecks.CheckAll(db, reference);
        var model = new ClaimsModel(accepted, ClaimForm.Of(QueryCollection.Empty), options, null, [], null, null) { Article = article };
        try
        {
            var published = Domain.Incidents.FieldValues.Date("published", article.Published);
            var result = new ArticleClaimChecks(db, reference).Run(new ArticleCheckRequest(article.Text, article.Html, published)
            {
                Datasets = article.Dataset.Length > 0 ? [article.Dataset] : [],
            });
            return Pages.Render<ClaimsPage>(chrome, model with { ArticleResult = result });
        }
        catch (FieldException e)
        {
            return Pages.Render<ClaimsPage>(chrome, model with { ArticleError = new FieldError(e.Field, e.Problem) }, StatusCodes.Status400BadRequest);
        }
    }

    private static async Task<IResult> CheckFormAsync(HttpContext context, StoreAccess stores, ReferenceData reference)
    {
        var chrome = PageChrome.For(context);
        if (await PageAccess.CheckAsync(context, chrome, Policies.Read) is { } denied)
            return denied;
        var form = ClaimForm.Of(context.Request.Query);
        using var db = stores.Open();
        var store = db.Incidents;
        var options = FilterOptions.Load(store, reference, "Pakistan"); // the form's claims are about Pakistan
        var accepted = AcceptedClaimChecks.CheckAll(db, reference);
        if (!form.IsSubmitted)
            return Pages.Render<ClaimsPage>(chrome, new ClaimsModel(accepted, form, options, null, [], null, null));
        var (claim, error) = form.ToClaim();
        if (error is not null)
            return Pages.Render<ClaimsPage>(chrome, new ClaimsModel(accepted, form, options, null, [], error, null), StatusCodes.Status400BadRequest);
        try
        {
            var check = new ClaimChecks(db, reference).Check(claim!);
            return Pages.Render<ClaimsPage>(chrome, new ClaimsModel(accepted, form, options, null, [check], null, null));
        }
        catch (FieldException e)
        {
            return Pages.Render<ClaimsPage>(chrome, new ClaimsModel(accepted, form, options, null, [], new FieldError(e.Field, e.Problem), null), StatusCodes.Status400BadRequest);
        }
    }

    private static async Task<IResult> CheckJsonAsync(HttpContext context, StoreAccess stores, ReferenceData reference)
    {
        var chrome = PageChrome.For(context);
        if (await PageAccess.CheckAsync(context, chrome, Policies.Read) is { } denied)
            return denied;
        if (!await FormToken.IsValidAsync(context))
            return Pages.FormExpired(chrome);
        var json = (await context.Request.ReadFormAsync(context.RequestAborted))["claims_json"].ToString();
        var empty = ClaimForm.Of(QueryCollection.Empty);
        using var db = stores.Open();
        var store = db.Incidents;
        var options = FilterOptions.Load(store, reference, "Pakistan");
        var accepted = AcceptedClaimChecks.CheckAll(db, reference);
        IReadOnlyList<Claim> claims;
        try
        {
            claims = ClaimJson.ParseMany(json, "claims");
        }
        catch (InputException e)
        {
            return Pages.Render<ClaimsPage>(chrome, new ClaimsModel(accepted, empty, options, json, [], null, e.Message), StatusCodes.Status400BadRequest);
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or FormatException)
        {
            // A value of the wrong JSON kind where the reader expects another (an evidence offset as text).
            return Pages.Render<ClaimsPage>(chrome, new ClaimsModel(accepted, empty, options, json, [], null, "claims: " + e.Message), StatusCodes.Status400BadRequest);
        }
        var checker = new ClaimChecks(db, reference);
        try
        {
            return Pages.Render<ClaimsPage>(chrome, new ClaimsModel(accepted, empty, options, json, [.. claims.Select(checker.Check)], null, null));
        }
        catch (FieldException e)
        {
            return Pages.Render<ClaimsPage>(chrome, new ClaimsModel(accepted, empty, options, json, [], null, $"claims: {e.Field}: {e.Problem}"), StatusCodes.Status400BadRequest);
        }
    }
}

/// <summary>The claims page: the claims accepted from the news with their verdicts, the form, the pasted JSON, the checks made, and a form error or a JSON error (with its place).</summary>
public sealed record ClaimsModel(
    IReadOnlyList<AcceptedClaimCheck> Accepted, ClaimForm Form, FilterOptions Options, string? Json, IReadOnlyList<ClaimCheck> Checks, FieldError? FormError, string? JsonError)
{
    /// <summary>The article pasted to be checked (its form), what was found in it, or why it could not be read.</summary>
    public ArticleForm Article { get; init; } = ArticleForm.Empty;
    public ArticleCheckResult? ArticleResult { get; init; }
    public FieldError? ArticleError { get; init; }
}

/// <summary>The paste-and-check form: the article (text or HTML), its publication date, and the dataset to check against.</summary>
public sealed record ArticleForm(string Text, bool Html, string Published, string Dataset)
{
    public static readonly ArticleForm Empty = new("", false, "", "");
}

/// <summary>An article's text cut at its statistics' evidence, for highlighting: each piece with the number of the statistic it is the evidence of (null: plain text).</summary>
public static class ArticleMarks
{
    public static IReadOnlyList<(string Text, int? Statistic)> Pieces(ArticleCheckResult result)
    {
        var spans = result.Statistics.Select((s, i) => (s.Evidence, Number: i + 1))
            .Where(x => x.Evidence is { } e && e.Start >= 0 && e.End <= result.Text.Length && e.Start < e.End)
            .OrderBy(x => x.Evidence!.Start).ToList();
        var pieces = new List<(string, int?)>();
        var at = 0;
        foreach (var (evidence, number) in spans)
        {
            if (evidence!.Start < at)
                continue; // overlapping evidence: the first one is marked
            if (evidence.Start > at)
                pieces.Add((result.Text[at..evidence.Start], null));
            pieces.Add((result.Text[evidence.Start..evidence.End], number));
            at = evidence.End;
        }
        if (at < result.Text.Length)
            pieces.Add((result.Text[at..], null));
        return pieces;
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Application.Claims;
using Vigil.Application.Reference;
using Vigil.Application.Reports;
using Vigil.Application.Review;
using Vigil.Application.Scopes;
using Vigil.Domain.Claims;
using Vigil.Domain.Errors;
using Vigil.Domain.Text;
using Vigil.Server.Infrastructure;
using Vigil.Statistics;
using Vigil.Statistics.Claims;
using Vigil.Web.Auth;
using Vigil.Web.Stores;

namespace Vigil.Server.Api;

/// <summary>
/// /api/v1/claims/check: claims (the JSON of <see cref="ClaimJson"/>, one or an array) checked against the data;
/// /api/v1/claims/accepted: the claims accepted from the news, each with its article and its verdict now.
/// </summary>
public static class ClaimsApi
{
    public static void MapClaims(this RouteGroupBuilder api)
    {
        api.MapPost("/claims/check", Check).WithTags("claims").RequireAuthorization(Policies.Read)
            .WithSummary("Checks claims: supported, contradicted or not checkable, with the computed values, differences, tolerances and the incidents behind them.")
            .WithDescription("The body is an array of claims, or one claim (the layout of `vigil check --file`); the answer has one check per claim, in order.")
            .JsonBody<IReadOnlyList<ClaimInput>>().Produces<IReadOnlyList<ClaimCheckShape>>();
        api.MapPost("/claims/extract-and-check", ExtractAndCheck).WithTags("claims").RequireAuthorization(Policies.Read)
            .WithSummary("Paste and check: the statistics an article (text, or HTML with html: true) states, found by the extractor and each checked against the data (dataset: the datasets, else the primary one), with the evidence's place in the text. Nothing is written.")
            .JsonBody<ArticleBody>().Produces<ArticleCheckShape>();
        api.MapGet("/claims/accepted", Accepted).WithTags("claims").RequireAuthorization(Policies.Read)
            .WithSummary("The claims accepted from the news (review), each with its article, evidence, who accepted it, and its verdict checked against the data now; at most 500 per answer (limit, offset; X-Total-Count gives the total).")
            .Produces<IReadOnlyList<AcceptedClaimShape>>().Fails(400)
            .AddOpenApiOperationTransformer(ApiDocument.Header("X-Total-Count", "How many accepted claims there are in all.", Microsoft.OpenApi.JsonSchemaType.Integer));
    }

    /// <summary>The most accepted claims one answer re-checks; more are paged with offset (X-Total-Count says how many there are).</summary>
    public const int MaxAcceptedPage = 500;

    private static IResult Accepted(HttpContext context, StoreAccess stores, ReferenceData reference, int? offset, int? limit)
    {
        if (offset is < 0)
            return Problems.Field("offset", "must be zero or more");
        if (limit is < 1 or > MaxAcceptedPage)
            return Problems.Field("limit", $"must be 1 to {MaxAcceptedPage}; page through the rest with offset");
        using var db = stores.Open();
        var (page, total) = AcceptedClaimChecks.CheckPage(db, reference, offset ?? 0, limit ?? MaxAcceptedPage);
        context.Response.Headers["X-Total-Count"] = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Ok(page.Select(AcceptedClaimJson.ToJson).ToList());
    }

    private static async Task<IResult> ExtractAndCheck(HttpContext context, StoreAccess stores, ReferenceData reference)
    {
        var (body, problem) = await JsonBody.ReadAsync<ArticleBody>(context);
        if (problem is not null)
            return problem;
        using var db = stores.Open();
        try
        {
            var result = new ArticleClaimChecks(db, reference).Run(new ArticleCheckRequest(body!.Text ?? "", body.Html ?? false, body.Published, body.Source, body.Title)
            {
                Datasets = body.Dataset ?? [],
            });
            return Results.Ok(new JsonObject
            {
                ["text"] = result.Text,
                ["statistics"] = new JsonArray([.. result.Statistics.Select(s =>
                {
                    var json = ClaimCheckJson.ToJson(s.Check);
                    json["evidence"] = s.Evidence is { } e ? new JsonObject { ["start"] = e.Start, ["end"] = e.End, ["text"] = s.EvidenceText } : null;
                    return (JsonNode)json;
                })]),
                ["incident_report"] = result.Extraction.Report is not null,
                ["engagements"] = result.Extraction.Engagements.Count,
                ["commitments"] = result.Extraction.Commitments.Count,
                ["border_events"] = result.Extraction.BorderEvents.Count,
            });
        }
        catch (FieldException e)
        {
            return Problems.Field(e.Field, e.Problem);
        }
    }

    /// <summary>The body of extract-and-check: the article and the datasets to check it against.</summary>
    [ApiInput]
    public sealed record ArticleBody(string? Text, bool? Html, DateOnly? Published, string? Source, string? Title, string[]? Dataset);

    private static async Task<IResult> Check(HttpContext context, StoreAccess stores, ReferenceData reference)
    {
        var (body, problem) = await JsonBody.ReadAsync<JsonNode>(context);
        if (problem is not null)
            return problem;
        IReadOnlyList<Claim> claims;
        try
        {
            claims = ClaimJson.ParseMany(body!.ToJsonString(), "body");
        }
        catch (InputException e)
        {
            return Problems.Of(e);
        }
        using var db = stores.Open();
        var checker = new ClaimChecks(db, reference);
        try
        {
            return Results.Ok(claims.Select(c => ClaimCheckJson.ToJson(checker.Check(c))).ToList());
        }
        catch (FieldException e)
        {
            return Problems.Field(e.Field, e.Problem);
        }
    }
}

using System.Text;
using Vigil.Accountability.Files;
using Vigil.Accountability.Views;
using Vigil.Domain.Errors;
using Vigil.Server.Infrastructure;
using Vigil.Web;
using Vigil.Web.Auth;
using Vigil.Web.Stores;

namespace Vigil.Server.Api;

/// <summary>
/// /api/v1 engagements, commitments with their evaluation and scores, the scorecard, and imports of
/// accountability files. Reads need a viewer, writes an analyst. Answers are not cached: an evaluation
/// depends on today as well as on the data.
/// </summary>
public static class AccountabilityApi
{
    public static void MapAccountability(this RouteGroupBuilder api)
    {
        var read = api.MapGroup("").WithTags("accountability").RequireAuthorization(Policies.Read);
        read.MapGet("/engagements", (StoreAccess s, TimeProvider c) => With(s, c, a => Results.Ok(a.Service.Store.GetEngagements())))
            .WithSummary("Engagements (visits, talks, calls, statements), by date.").Produces<IReadOnlyList<Domain.Accountability.Engagement>>();
        read.MapGet("/commitments", (StoreAccess s, TimeProvider c) => With(s, c, a => Results.Ok(a.Service.Store.GetCommitments())))
            .WithSummary("Commitments with their indicators and judged implementation scores (0-3).").Produces<IReadOnlyList<Domain.Accountability.Commitment>>();
        read.MapGet("/commitments/{key}", (string key, StoreAccess s, TimeProvider c) => With(s, c, a => Results.Ok(a.Service.Commitment(key))))
            .WithSummary("One commitment.").Produces<Domain.Accountability.Commitment>().Fails(404);
        read.MapGet("/commitments/{key}/evaluation", (string key, StoreAccess s, TimeProvider c) => With(s, c, a => Results.Ok(EvaluationView.Of(a.Service.Evaluate(key)))))
            .WithSummary("The indicator before and after the commitment, the rate ratio with its 95% interval, the test used, and the verdict.")
            .Produces<EvaluationView>().Fails(400, 404);
        read.MapGet("/scorecard", (StoreAccess s, TimeProvider c) => With(s, c, a => Results.Ok(a.Service.Scorecards().Select(ScorecardView.Of).ToList())))
            .WithSummary("Per party: judged percent of full implementation beside the measured verdicts, with disagreements.")
            .Produces<IReadOnlyList<ScorecardView>>();

        var write = api.MapGroup("").WithTags("accountability").RequireAuthorization(Policies.Write);
        write.MapPost("/accountability/imports", Import)
            .WithSummary("Imports an accountability document (JSON or YAML: engagements, commitments, crossings, status_events), all or nothing.")
            .Body<AccountabilityDocumentInput>(true, "application/json", "application/yaml").Produces<Vigil.Storage.AccountabilitySaveSummary>().Fails(400, 404, 413);
        write.MapPost("/commitments/{key}/scores", AddScore)
            .WithSummary("Adds a judged implementation score: {assessed_on, score 0-3, evidence, analyst, source}.")
            .Body<ScoreInput>(true, "application/json", "application/yaml").Produces<Domain.Accountability.ImplementationScore>(StatusCodes.Status201Created).Fails(400, 404, 413);
    }

    internal static IResult With(StoreAccess stores, TimeProvider clock, Func<AccountabilityScope, IResult> action)
    {
        using var scope = stores.OpenAccountability(clock);
        try
        {
            return action(scope);
        }
        catch (NotFoundException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: e.Message);
        }
        catch (InputException e)
        {
            return Problems.Of(e);
        }
    }

    internal static async Task<(string? Text, IResult? Problem)> ReadText(HttpContext context)
    {
        var limit = context.RequestServices.GetRequiredService<ServerOptions>().MaxJsonBytes;
        var (body, tooLarge) = await Security.BoundedBody.ReadAsync(context, limit);
        if (tooLarge is not null)
            return (null, tooLarge);
        using var buffer = body!;
        return (Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), null);
    }

    private static async Task<IResult> Import(HttpContext context, StoreAccess stores, TimeProvider clock)
    {
        var (text, problem) = await ReadText(context);
        if (problem is not null)
            return problem;
        return With(stores, clock, a => Results.Ok(AccountabilityImporter.Import(a.Service.Store, AccountabilityFileReader.Parse(text!, "body"))));
    }

    private static async Task<IResult> AddScore(string key, HttpContext context, StoreAccess stores, TimeProvider clock)
    {
        var (text, problem) = await ReadText(context);
        if (problem is not null)
            return problem;
        return With(stores, clock, a =>
        {
            var score = AccountabilityFileReader.ParseScore(text!, "body");
            a.Service.Store.AddScore(key, score);
            return Results.Created($"/api/v1/commitments/{Uri.EscapeDataString(key)}", score);
        });
    }
}

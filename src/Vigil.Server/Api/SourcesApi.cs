using Vigil.Application.Sources;
using Vigil.Domain.Errors;
using Vigil.Server.Infrastructure;
using Vigil.Web.Auth;
using Vigil.Web.Stores;

namespace Vigil.Server.Api;

/// <summary>
/// /api/v1/sources: the source registry. Readers list and show entries with their history; analysts add entries
/// (POST) and edit them (PUT), each change recorded with who and why, and the incidents citing the source graded again.
/// </summary>
public static class SourcesApi
{
    /// <summary>
    /// The body of <c>POST /api/v1/sources</c> (key, name and type required) and <c>PUT /api/v1/sources/{key}</c> (the
    /// fields to change; a member left out or null is not changed, <c>aliases</c> given replaces the list). <c>reason</c>
    /// is kept in the entry's history.
    /// </summary>
    [ApiInput]
    public sealed record SourceBody(
        string? Key, string? Name, IReadOnlyList<string>? Aliases, string? Type, string? PartySide, string? Reliability, string? Notes, string? Reason)
    {
        public SourceEdit ToEdit() => new()
        {
            Name = Name,
            Aliases = Aliases,
            Type = Type,
            PartySide = PartySide,
            Reliability = Reliability,
            Notes = Notes,
        };
    }

    /// <summary>GET /sources: every entry, the datasets of the database among them.</summary>
    public sealed record SourcesAnswer(IReadOnlyList<SourceJson> Sources);

    public static void MapSources(this RouteGroupBuilder api)
    {
        api.MapGet("/sources", (StoreAccess stores) =>
        {
            using var db = stores.Open();
            return Results.Ok(new SourcesAnswer([.. db.Sources.List().Select(SourceJson.Of)]));
        }).WithTags("sources").RequireAuthorization(Policies.Read)
            .WithSummary("The source registry: each source's key, name, aliases, type (party, independent-media, ngo, official-statistics, dataset), a party's side, reliability A–F and notes; every dataset of the database is a source of type dataset.")
            .Produces<SourcesAnswer>();
        api.MapGet("/sources/{key}", Show).WithTags("sources").RequireAuthorization(Policies.Read)
            .WithSummary("One source, by key, name or alias, with the history of every edit (who, when, why, before and after).")
            .Produces<SourceDetailJson>().Fails(404);
        api.MapPost("/sources", Add).WithTags("sources").RequireAuthorization(Policies.Write)
            .WithSummary("Adds a source (analysts): key, name and type required; party_side required for a party; reliability A–F (F when not given). A bad value, or a key, name or alias already taken, is a 400 naming the field. The incidents citing it by name are graded again.")
            .JsonBody<SourceBody>().Produces<SourceJson>(201);
        api.MapPut("/sources/{key}", Edit).WithTags("sources").RequireAuthorization(Policies.Write)
            .WithSummary("Edits a source (analysts): the fields to change; recorded in its history with the reason, and the incidents citing it graded again. A dataset's implied entry becomes an entry of its own.")
            .JsonBody<SourceBody>().Produces<SourceJson>().Fails(404);
    }

    private static IResult Show(string key, StoreAccess stores)
    {
        using var db = stores.Open();
        var name = Uri.UnescapeDataString(key);
        if (db.Sources.Find(name) is not { } entry)
            return Problems.NotFound(new NotFoundException($"source '{name}'"));
        return Results.Ok(new SourceDetailJson(SourceJson.Of(entry), [.. db.Sources.History(entry.Key).Select(SourceChangeJson.Of)]));
    }

    private static async Task<IResult> Add(HttpContext context, StoreAccess stores)
    {
        var (body, problem) = await JsonBody.ReadAsync<SourceBody>(context);
        if (problem is not null)
            return problem;
        if (string.IsNullOrWhiteSpace(body!.Key))
            return Problems.Field("key", "is required");
        using var db = stores.Open();
        try
        {
            var added = new SourceRegistryEditing(db).Add(body.Key, body.ToEdit(), Actor.Of(context), body.Reason);
            context.Items[Actor.DetailKey] = $"source {added.Key} added";
            return Results.Created($"/api/v1/sources/{Uri.EscapeDataString(added.Key)}", SourceJson.Of(added));
        }
        catch (FieldException e)
        {
            return Problems.Field(e.Field, e.Problem);
        }
    }

    private static async Task<IResult> Edit(string key, HttpContext context, StoreAccess stores)
    {
        var (body, problem) = await JsonBody.ReadAsync<SourceBody>(context);
        if (problem is not null)
            return problem;
        using var db = stores.Open();
        try
        {
            var edited = new SourceRegistryEditing(db).Edit(Uri.UnescapeDataString(key), body!.ToEdit(), Actor.Of(context), body.Reason);
            context.Items[Actor.DetailKey] = $"source {edited.Key} edited";
            return Results.Ok(SourceJson.Of(edited));
        }
        catch (NotFoundException e)
        {
            return Problems.NotFound(e);
        }
        catch (FieldException e)
        {
            return Problems.Field(e.Field, e.Problem);
        }
    }
}

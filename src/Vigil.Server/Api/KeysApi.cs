using Vigil.Domain.Errors;
using Vigil.Domain.Text;
using Vigil.Server.Auth;
using Vigil.Server.Infrastructure;
using Vigil.Server.Security;
using Vigil.Storage;

namespace Vigil.Server.Api;

/// <summary>/api/v1/keys: API keys (admin). A new key is shown once; only its hash is kept.</summary>
public static class KeysApi
{
    public sealed record NewKey(string? Name, string? Role);

    public static void MapKeys(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/keys").WithTags("keys").RequireAuthorization(Policies.Admin);
        group.MapGet("/", (StoreAccess stores) =>
        {
            using var db = stores.Open();
            var store = db.Incidents;
            return Results.Ok(db.Access.GetKeys().Select(k => new { k.Name, role = EnumText<ApiRole>.Format(k.Role), k.CreatedAt, k.RevokedAt }));
        }).WithSummary("Every key, live and revoked (names and roles; never the keys).");
        group.MapPost("/", Create).WithSummary("Creates a key; the response is the only time the key is shown.");
        group.MapDelete("/{name}", (string name, StoreAccess stores, HttpContext context) =>
        {
            // Route values keep %2F encoded: a key named before names were checked ("a/b") can still be revoked.
            name = Uri.UnescapeDataString(name);
            using var db = stores.Open();
            if (!db.Access.RevokeKey(name))
                return Problems.NotFound($"live key '{name}'");
            context.Items[Actor.DetailKey] = $"key {name} revoked";
            return Results.NoContent();
        }).WithSummary("Revokes a key by name.");
        api.MapGet("/audit", (StoreAccess stores, int? limit) =>
        {
            using var db = stores.Open();
            var store = db.Incidents;
            return Results.Ok(db.Access.GetAudit(Math.Clamp(limit ?? 100, 1, 1000)));
        }).WithTags("keys").RequireAuthorization(Policies.Admin).WithSummary("The latest writes: who, what, when, outcome.");
    }

    private static async Task<IResult> Create(HttpContext context, StoreAccess stores)
    {
        var (input, problem) = await JsonBody.ReadAsync<NewKey>(context);
        if (problem is not null)
            return problem;
        // Everything is checked before the key is stored: a key is created whole (stored, shown, audited) or not at all.
        var name = input!.Name?.Trim();
        if (ApiKeyNames.Problem(name) is { } nameProblem)
            return Problems.Field("name", nameProblem);
        if (!EnumText<ApiRole>.TryParse(input.Role, out var role))
            return Problems.Field("role", $"'{input.Role}' is not one of: {string.Join(", ", EnumText<ApiRole>.All)}");
        var key = ApiKeys.New();
        using var db = stores.Open();
        var store = db.Incidents;
        try
        {
            db.Access.AddKey(name!, role, ApiKeys.Hash(key));
        }
        catch (VigilException e)
        {
            return Problems.Field("name", e.Message);
        }
        context.Items[Actor.DetailKey] = $"key {name} ({EnumText<ApiRole>.Format(role)}) created";
        return Results.Created($"/api/v1/keys/{Uri.EscapeDataString(name!)}", new { name, role = EnumText<ApiRole>.Format(role), key });
    }
}

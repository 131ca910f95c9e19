using Vigil.Application.Access;
using Vigil.Domain.Errors;
using Vigil.Domain.Text;
using Vigil.Server.Infrastructure;
using Vigil.Storage;
using Vigil.Web.Auth;
using Vigil.Web.Security;
using Vigil.Web.Stores;

namespace Vigil.Server.Api;

/// <summary>/api/v1/keys: API keys (admin). A new key is shown once; only its hash is kept.</summary>
public static class KeysApi
{
    /// <summary>A key to create: its name and role (viewer, analyst or admin).</summary>
    [ApiInput]
    public sealed record NewKey(string? Name, string? Role);

    public static void MapKeys(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/keys").WithTags("keys").RequireAuthorization(Policies.Admin);
        group.MapGet("/", (StoreAccess stores) =>
        {
            using var db = stores.Open();
            return Results.Ok(new ApiKeyAdministration(db.Access).List().Select(k => new KeyAnswer(k.Name, EnumText<ApiRole>.Format(k.Role), k.CreatedAt, k.RevokedAt)));
        }).WithSummary("Every key, live and revoked (names and roles; never the keys).").Produces<IReadOnlyList<KeyAnswer>>();
        group.MapPost("/", Create).WithSummary("Creates a key; the response is the only time the key is shown.")
            .JsonBody<NewKey>().Produces<CreatedKeyAnswer>(StatusCodes.Status201Created);
        group.MapDelete("/{name}", (string name, StoreAccess stores, HttpContext context) =>
        {
            // Route values keep %2F encoded: a key named before names were checked ("a/b") can still be revoked.
            name = Uri.UnescapeDataString(name);
            using var db = stores.Open();
            try
            {
                new ApiKeyAdministration(db.Access).Revoke(name);
            }
            catch (NotFoundException)
            {
                return Problems.NotFound($"live key '{name}'");
            }
            context.Items[Actor.DetailKey] = $"key {name} revoked";
            return Results.NoContent();
        }).WithSummary("Revokes a key by name.").Produces(StatusCodes.Status204NoContent).Fails(404);
        api.MapGet("/audit", (StoreAccess stores, int? limit) =>
        {
            using var db = stores.Open();
            return Results.Ok(db.Access.GetAudit(Math.Clamp(limit ?? 100, 1, 1000)));
        }).WithTags("keys").RequireAuthorization(Policies.Admin).WithSummary("The latest writes: who, what, when, outcome.")
            .Produces<IReadOnlyList<AuditEntry>>();
    }

    private static async Task<IResult> Create(HttpContext context, StoreAccess stores)
    {
        var (input, problem) = await JsonBody.ReadAsync<NewKey>(context);
        if (problem is not null)
            return problem;
        // Everything is checked before the key is stored: a key is created whole (stored, shown, audited) or not at all.
        if (!EnumText<ApiRole>.TryParse(input!.Role, out var role))
            return Problems.Field("role", $"'{input.Role}' is not one of: {string.Join(", ", EnumText<ApiRole>.All)}");
        using var db = stores.Open();
        CreatedKey created;
        try
        {
            created = new ApiKeyAdministration(db.Access).Create(input.Name, role);
        }
        catch (FieldException e)
        {
            return Problems.Field(e.Field, e.Problem);
        }
        var (name, key) = (created.Record.Name, created.Secret);
        context.Items[Actor.DetailKey] = $"key {name} ({EnumText<ApiRole>.Format(role)}) created";
        return Results.Created($"/api/v1/keys/{Uri.EscapeDataString(name!)}", new CreatedKeyAnswer(name!, EnumText<ApiRole>.Format(role), key));
    }
}

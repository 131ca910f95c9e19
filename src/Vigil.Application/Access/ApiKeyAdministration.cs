using Vigil.Domain.Errors;
using Vigil.Storage;

namespace Vigil.Application.Access;

/// <summary>A key just created: its record and the secret, which is shown this once and never stored.</summary>
public sealed record CreatedKey(ApiKeyRecord Record, string Secret);

/// <summary>Creating, listing and revoking API keys, for <c>vigil keys</c> and <c>/api/v1/keys</c>.</summary>
public sealed class ApiKeyAdministration(IAccessStore access)
{
    /// <summary>Creates a key, whole or not at all: the name is checked (<see cref="ApiKeyNames"/>) before anything is stored.</summary>
    /// <exception cref="FieldException"><c>name</c>: not a usable name, or a live key already has it.</exception>
    public CreatedKey Create(string? name, ApiRole role)
    {
        var trimmed = name?.Trim();
        if (ApiKeyNames.Problem(trimmed) is { } problem)
            throw new FieldException("name", problem);
        var secret = ApiKeySecrets.New();
        try
        {
            return new CreatedKey(access.AddKey(trimmed!, role, ApiKeySecrets.Hash(secret)), secret);
        }
        catch (VigilException e) when (e is not FieldException)
        {
            throw new FieldException("name", e.Message);
        }
    }

    public IReadOnlyList<ApiKeyRecord> List() => access.GetKeys();

    /// <exception cref="NotFoundException">No live key of that name.</exception>
    public void Revoke(string name)
    {
        // A key named before names were checked ("a/b") can still be revoked by its name as given.
        if (!access.RevokeKey(name))
            throw new NotFoundException($"live key '{name}'");
    }
}

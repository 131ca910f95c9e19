using Vigil.Domain.Errors;
using Vigil.Storage;

namespace Vigil.Application.Access;

/// <summary>A key just created: its record and the secret, which is shown this once and never stored.</summary>
public sealed record CreatedKey(ApiKeyRecord Record, string Secret);

/// <summary>Creating, listing and revoking API keys, for <c>vigil keys</c> and <c>/api/v1/keys</c>.</summary>
public sealed class ApiKeyAdministration(IAccessStore access)
{
    public CreatedKey Create(string name, ApiRole role)
    {
        var secret = ApiKeySecrets.New();
        return new CreatedKey(access.AddKey(name.Trim(), role, ApiKeySecrets.Hash(secret)), secret);
    }

    public IReadOnlyList<ApiKeyRecord> List() => access.GetKeys();

    /// <exception cref="NotFoundException">No live key of that name.</exception>
    public void Revoke(string name)
    {
        if (!access.RevokeKey(name))
            throw new NotFoundException($"live key '{name}'");
    }
}

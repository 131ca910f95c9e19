namespace Vigil.Storage;

/// <summary>Who may use the server: API keys (kept only as hashes) and the audit trail of writes.</summary>
public interface IAccessStore
{
    /// <summary>Records a new key under a unique name. Only the hash of the key is kept.</summary>
    ApiKeyRecord AddKey(string name, ApiRole role, string keyHash);

    /// <summary>The live (not revoked) key with this hash, or null.</summary>
    ApiKeyRecord? FindKey(string keyHash);

    IReadOnlyList<ApiKeyRecord> GetKeys();

    /// <summary>Revokes a key by name; returns false when there is no live key of that name.</summary>
    bool RevokeKey(string name);

    void Audit(AuditEntry entry);

    IReadOnlyList<AuditEntry> GetAudit(int limit);
}

/// <summary>Roles: viewers read; analysts also write and review; admins also manage keys, imports and deletions.</summary>
public enum ApiRole
{
    Viewer,
    Analyst,
    Admin,
}

public sealed record ApiKeyRecord(long Id, string Name, ApiRole Role, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>One write through the server: when, by which key, what (method and path), the outcome, and what it touched.</summary>
public sealed record AuditEntry(DateTimeOffset At, string Actor, string Action, string Target, int Status, string? Detail);

using System.Data.Common;
using Vigil.Domain.Errors;
using Vigil.Domain.Text;

namespace Vigil.Storage.Relational;

/// <summary>API keys (only their hashes) and the audit trail, on the incident store's connection.</summary>
public sealed class RelationalAccessStore(RelationalIncidentStore store) : IAccessStore
{
    public ApiKeyRecord AddKey(string name, ApiRole role, string keyHash)
    {
        var now = store.Clock.GetUtcNow();
        using var tx = store.Connection.BeginTransaction();
        using var cmd = store.Command(tx, "INSERT INTO api_keys (name, role, key_hash, created_at) VALUES (@name, @role, @hash, @at)", "name", "role", "hash", "at");
        cmd.Parameters["@name"].Value = name;
        cmd.Parameters["@role"].Value = EnumText<ApiRole>.Format(role);
        cmd.Parameters["@hash"].Value = keyHash;
        cmd.Parameters["@at"].Value = IncidentColumns.Stamp(now);
        try
        {
            cmd.ExecuteNonQuery();
        }
        catch (DbException e) when (store.Dialect.IsUniqueViolation(e))
        {
            throw new VigilException($"a live key named '{name}' already exists; revoke it first or choose another name");
        }
        var id = store.ScalarLong(tx, "SELECT MAX(id) FROM api_keys");
        tx.Commit();
        return new ApiKeyRecord(id, name, role, now, null);
    }

    public ApiKeyRecord? FindKey(string keyHash) =>
        ReadKeys("WHERE key_hash = @p0 AND revoked_at IS NULL", keyHash).SingleOrDefault();

    public IReadOnlyList<ApiKeyRecord> GetKeys() => ReadKeys("ORDER BY id");

    public bool RevokeKey(string name)
    {
        using var cmd = store.Command(null, "UPDATE api_keys SET revoked_at = @at WHERE name = @name AND revoked_at IS NULL", "at", "name");
        cmd.Parameters["@at"].Value = IncidentColumns.Stamp(store.Clock.GetUtcNow());
        cmd.Parameters["@name"].Value = name;
        return cmd.ExecuteNonQuery() > 0;
    }

    public void Audit(AuditEntry entry)
    {
        using var cmd = store.Command(null, "INSERT INTO audit_log (at, actor, action, target, status, detail) VALUES (@at, @actor, @action, @target, @status, @detail)",
            "at", "actor", "action", "target", "status", "detail");
        cmd.Parameters["@at"].Value = IncidentColumns.Stamp(entry.At);
        cmd.Parameters["@actor"].Value = entry.Actor;
        cmd.Parameters["@action"].Value = entry.Action;
        cmd.Parameters["@target"].Value = entry.Target;
        cmd.Parameters["@status"].Value = entry.Status;
        cmd.Parameters["@detail"].Value = (object?)entry.Detail ?? DBNull.Value;
        cmd.ExecuteNonQuery();
    }

    public IReadOnlyList<AuditEntry> GetAudit(int limit)
    {
        using var cmd = store.Command(null, "SELECT at, actor, action, target, status, detail FROM audit_log ORDER BY id DESC LIMIT @limit", "limit");
        cmd.Parameters["@limit"].Value = limit;
        using var r = cmd.ExecuteReader();
        var list = new List<AuditEntry>();
        while (r.Read())
            list.Add(new AuditEntry(IncidentColumns.ParseStamp(r.GetString(0)), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.IsDBNull(5) ? null : r.GetString(5)));
        return list;
    }

    private List<ApiKeyRecord> ReadKeys(string clause, params object[] args)
    {
        using var cmd = store.Command(null, $"SELECT id, name, role, created_at, revoked_at FROM api_keys {clause}");
        for (var i = 0; i < args.Length; i++)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            p.Value = args[i];
            cmd.Parameters.Add(p);
        }
        using var r = cmd.ExecuteReader();
        var list = new List<ApiKeyRecord>();
        while (r.Read())
        {
            list.Add(new ApiKeyRecord(r.GetInt64(0), r.GetString(1), EnumText<ApiRole>.Parse(r.GetString(2)),
                IncidentColumns.ParseStamp(r.GetString(3)), r.IsDBNull(4) ? null : IncidentColumns.ParseStamp(r.GetString(4))));
        }
        return list;
    }
}

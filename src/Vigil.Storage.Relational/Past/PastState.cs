using System.Globalization;

namespace Vigil.Storage.Relational.Past;

/// <summary>
/// Turns one connection into a read-only window on the data as it was at a past moment. Temporary tables hold the
/// incidents changed or created since (rebuilt by <see cref="PastIncidents"/> from their revisions) and the rollup's
/// difference; temporary views named like the tables — <c>incidents</c>, <c>incident_sources</c>,
/// <c>monthly_rollup</c>, <c>revisions</c>, <c>imports</c>, <c>incident_links</c>, <c>datasets</c>, the source registry
/// and its history (<see cref="PastRegistry"/>), the merges, accepted claims, report notes and published reports — shadow them (SQLite and PostgreSQL both resolve an unqualified name to
/// the connection's temporary objects first), so every query the stores make answers as of the moment unchanged.
/// The connection is then made read-only. Keys, the audit log and the review queue stay as they are now.
/// </summary>
internal static class PastState
{
    public static void Install(RelationalIncidentStore store, DateTimeOffset moment)
    {
        var at = IncidentColumns.Stamp(moment);
        var main = MainSchema(store);
        var tempIndex = store.Dialect.Name == "postgresql" ? "" : "temp.";
        // SQLite keeps the connection's temporary tables in memory rather than in a file: their size grows with what changed
        // since the moment, and every step of the rebuild reads and writes them.
        if (store.Dialect.Name != "postgresql")
            store.Execute(null, "PRAGMA temp_store = MEMORY");
        using (var tx = store.Connection.BeginTransaction())
        {
            foreach (var sql in PastViews.Tables(main, tempIndex))
                store.Execute(tx, sql);
            var registry = PastRegistry.Install(store, tx, main, at);
            PastIncidents.Rebuild(store, tx, main, at, registry);
            foreach (var sql in PastViews.Links(main, at, tempIndex).Concat(PastViews.Views(main, at)))
                store.Execute(tx, sql);
            // PostgreSQL keeps no statistics of temporary tables unless asked: without them it plans blind.
            if (store.Dialect.Name == "postgresql")
                store.Execute(tx, "ANALYZE asof_touched, asof_incidents, asof_sources, asof_rollup_delta, incident_links, sources");
            tx.Commit();
        }
        store.Execute(null, store.Dialect.Name == "postgresql"
            ? "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"
            : "PRAGMA query_only = ON");
    }

    /// <summary>How to name the database's own tables past the temporary views: "main." or the PostgreSQL schema.</summary>
    private static string MainSchema(RelationalIncidentStore store)
    {
        if (store.Dialect.Name != "postgresql")
            return "main.";
        using var cmd = store.Command(null, "SELECT current_schema()");
        var schema = Convert.ToString(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "public";
        return "\"" + schema.Replace("\"", "\"\"", StringComparison.Ordinal) + "\".";
    }
}

namespace Vigil.Storage.Relational.Past;

/// <summary>
/// The temporary tables and views of <see cref="PastState"/>. The moment is written into the views as a literal: it
/// is Vigil's own timestamp text (digits, dashes, colons, a dot, T and Z), never a user's string.
/// </summary>
internal static class PastViews
{
    /// <summary>The temporary tables; <paramref name="tempIndex"/> as in <see cref="Links"/>. Rebuilt rows are found by id.</summary>
    public static IEnumerable<string> Tables(string main, string tempIndex) =>
    [
        "CREATE TEMP TABLE asof_touched (id BIGINT PRIMARY KEY, existed INTEGER NOT NULL, sources_changed INTEGER NOT NULL)",
        $"CREATE TEMP TABLE asof_incidents AS SELECT * FROM {main}incidents WHERE 1 = 0",
        $"CREATE UNIQUE INDEX {tempIndex}asof_incidents_id ON asof_incidents (id)",
        $"CREATE TEMP TABLE asof_sources AS SELECT * FROM {main}incident_sources WHERE 1 = 0",
        $"CREATE INDEX {tempIndex}asof_sources_incident ON asof_sources (incident_id, ordinal)",
        $"CREATE TEMP TABLE asof_rollup_delta AS SELECT * FROM {main}monthly_rollup WHERE 1 = 0",
        $"CREATE TEMP TABLE asof_rollup_parts AS SELECT * FROM {main}monthly_rollup WHERE 1 = 0",
    ];

    public static IEnumerable<string> Views(string main, string at)
    {
        var t = "'" + at + "'";
        return
        [
            // Incidents untouched since the moment as they are; those changed since as rebuilt; those created since not at all.
            $"""
            CREATE TEMP VIEW incidents AS
            SELECT * FROM {main}incidents i WHERE NOT EXISTS (SELECT 1 FROM asof_touched t WHERE t.id = i.id)
            UNION ALL
            SELECT * FROM asof_incidents
            """,
            $"""
            CREATE TEMP VIEW incident_sources AS
            SELECT * FROM {main}incident_sources s
            WHERE NOT EXISTS (SELECT 1 FROM asof_touched t WHERE t.id = s.incident_id AND (t.existed = 0 OR t.sources_changed = 1))
            UNION ALL
            SELECT * FROM asof_sources
            """,
            // The rollup's sums plus the difference of the rebuilt incidents: every reader of the rollup sums its rows.
            $"CREATE TEMP VIEW monthly_rollup AS SELECT * FROM {main}monthly_rollup UNION ALL SELECT * FROM asof_rollup_delta",
            $"CREATE TEMP VIEW revisions AS SELECT * FROM {main}revisions WHERE at <= {t}",
            $"CREATE TEMP VIEW imports AS SELECT * FROM {main}imports WHERE started_at <= {t}",
            $"""
            CREATE TEMP VIEW datasets AS
            SELECT {HistorySchema.DatasetColumns} FROM {main}dataset_versions
            WHERE version_at = (SELECT MAX(version_at) FROM {main}dataset_versions WHERE version_at <= {t})
            """,
            $"""
            CREATE TEMP VIEW incident_merges AS
            SELECT id, into_incident, absorbed, reason, merged_at, merged_by,
                   CASE WHEN undone_at <= {t} THEN undone_at END AS undone_at, CASE WHEN undone_at <= {t} THEN undone_by END AS undone_by,
                   prior_revision, merged_revision
            FROM {main}incident_merges WHERE merged_at <= {t}
            """,
            $"CREATE TEMP VIEW accepted_claims AS SELECT * FROM {main}accepted_claims WHERE accepted_at <= {t}",
            $"CREATE TEMP VIEW report_notes AS SELECT * FROM {main}report_notes WHERE saved_at <= {t}",
            $"CREATE TEMP VIEW published_reports AS SELECT * FROM {main}published_reports WHERE published_at <= {t}",
        ];
    }

    /// <summary>
    /// <paramref name="tempIndex"/>: what names an index of a temporary table ("temp." in SQLite, where an unqualified one
    /// would be looked for in the main schema; nothing in PostgreSQL, where it follows its table).
    /// The links as they were, kept in a temporary table of their own with the real table's indexes (a combined scope
    /// looks its records up in it row by row): a link changed since the moment is as its first later change found it.
    /// </summary>
    public static IEnumerable<string> Links(string main, string at, string tempIndex)
    {
        var t = "'" + at + "'";
        const string links = HistorySchema.LinkColumns;
        return
        [
            $"""
            CREATE TEMP TABLE incident_links AS
            SELECT l.id, {Prefixed("l", links)} FROM {main}incident_links l
            WHERE l.created_at <= {t} AND NOT EXISTS (SELECT 1 FROM {main}link_changes c WHERE c.link_id = l.id AND c.changed_at > {t})
            UNION ALL
            SELECT c.link_id, {Prefixed("c", links)} FROM {main}link_changes c
            WHERE c.created_at <= {t} AND c.changed_at > {t}
              AND c.id = (SELECT MIN(f.id) FROM {main}link_changes f WHERE f.link_id = c.link_id AND f.changed_at > {t})
            """,
            $"CREATE INDEX {tempIndex}asof_links_a ON incident_links (incident_a, status)",
            $"CREATE INDEX {tempIndex}asof_links_b ON incident_links (incident_b, status)",
            $"CREATE INDEX {tempIndex}asof_links_datasets ON incident_links (dataset_a, dataset_b, status)",
        ];
    }

    private static string Prefixed(string alias, string columns) =>
        string.Join(", ", columns.Split(", ").Select(c => alias + "." + c));
}

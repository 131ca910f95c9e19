namespace Vigil.Storage.Relational;

/// <summary>
/// Schema version 17: provenance. Each source row of an incident keeps its own figures, the registry entry it is, its
/// kind, the report's credibility and whether it is a party's claim. The incident keeps, beside its own figures (the
/// default, independent rule's), the figures counted from all credible sources and from party claims alone
/// (<see cref="Domain.Sources.FigureRule"/>), its grade (derived, or an analyst's override with the reason) and whether
/// its sources contest its figures. The source registry (<c>sources</c>) and the history of every edit of it
/// (<c>source_history</c>), seeded with the few entries docs/method.md justifies.
/// <para>Existing rows have no per-source figures, so their figures from all sources are their own and they have no
/// party figure; their grade is derived here from their dataset's grade, or for the team's own records from how many
/// distinct sources they name (two or more: fair). Any later write derives it again by the full rule.</para>
/// </summary>
internal static class ProvenanceSchema
{
    /// <summary>The columns added to <c>incident_sources</c>, in <see cref="IncidentWriter.SourceColumns"/> order.</summary>
    public static readonly (string Name, string Type)[] SourceFigureColumns =
    [
        ("source_key", "TEXT"), ("kind", "TEXT"), ("party_claim", "INTEGER"), ("credibility", "INTEGER"),
        ("killed_low", "INTEGER"), ("killed_best", "INTEGER"), ("killed_high", "INTEGER"), ("killed_phrase", "TEXT"), ("killed_rule", "TEXT"),
        ("injured_low", "INTEGER"), ("injured_best", "INTEGER"), ("injured_high", "INTEGER"), ("injured_phrase", "TEXT"), ("injured_rule", "TEXT"),
        ("killed_security_forces", "INTEGER"), ("killed_civilians", "INTEGER"), ("killed_militants", "INTEGER"), ("killed_unknown", "INTEGER"),
    ];

    /// <summary>The incident columns added, each an INTEGER figure by scope or the grade's text.</summary>
    public static readonly string[] ScopedFigureColumns =
    [
        "killed_low_all", "killed_best_all", "killed_high_all", "injured_low_all", "injured_best_all", "injured_high_all",
        "killed_low_party", "killed_best_party", "killed_high_party", "injured_low_party", "injured_best_party", "injured_high_party",
    ];

    public static string Sql(ISqlDialect d) => $"""
        {string.Join("\n", SourceFigureColumns.Select(c => $"ALTER TABLE incident_sources ADD COLUMN {c.Name} {c.Type};"))}
        {string.Join("\n", ScopedFigureColumns.Select(c => $"ALTER TABLE incidents ADD COLUMN {c} INTEGER;"))}
        ALTER TABLE incidents ADD COLUMN grade TEXT;
        ALTER TABLE incidents ADD COLUMN grade_override TEXT;
        ALTER TABLE incidents ADD COLUMN grade_reason TEXT;
        ALTER TABLE incidents ADD COLUMN contested INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX ix_incident_sources_key ON incident_sources (source_key);
        CREATE INDEX ix_incidents_grade ON incidents (grade, date_start);

        CREATE TABLE sources (
            key TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            aliases TEXT NOT NULL,
            type TEXT NOT NULL,
            party_side TEXT,
            reliability TEXT NOT NULL,
            notes TEXT,
            saved_at TEXT NOT NULL,
            saved_by TEXT NOT NULL
        );
        CREATE TABLE source_history (
            id {d.IdentityPrimaryKey},
            source_key TEXT NOT NULL,
            at TEXT NOT NULL,
            author TEXT NOT NULL,
            reason TEXT,
            before TEXT,
            after TEXT NOT NULL
        );
        CREATE INDEX ix_source_history_key ON source_history (source_key, id);
        {string.Join("\n", SourceSeed.Entries.Select(SourceSeed.InsertSql))}

        UPDATE incidents SET
            killed_low_all = killed_low, killed_best_all = killed_best, killed_high_all = killed_high,
            injured_low_all = injured_low, injured_best_all = injured_best, injured_high_all = injured_high,
            grade = CASE
                WHEN dataset IS NOT NULL THEN
                    CASE COALESCE((SELECT reliability FROM sources WHERE sources.key = incidents.dataset), 'F')
                        WHEN 'A' THEN 'fair' WHEN 'B' THEN 'fair' WHEN 'C' THEN 'fair' WHEN 'E' THEN 'discounted' ELSE 'weak' END
                WHEN (SELECT COUNT(DISTINCT COALESCE(s.name, s.url, s.headline)) FROM incident_sources s WHERE s.incident_id = incidents.id) >= 2 THEN 'fair'
                ELSE 'weak'
            END;
        """;
}

using Vigil.Storage.Relational.Links;

namespace Vigil.Storage.Relational;

/// <summary>
/// The versioned schema. Migrations run in order on open, each in the transaction that records it in
/// <c>schema_migrations</c>; a database newer than this code is refused rather than guessed at.
/// Dates are ISO text (yyyy-MM-dd) and timestamps ISO UTC text, which sort and compare correctly in every
/// database and keep the SQL portable. An incident's creation (who, when, which import, why) is kept in its
/// own row as revision 1; <c>revisions</c> holds every later change with each field before and after.
/// </summary>
public static class Schema
{
    public sealed record Migration(int Version, string Name, Func<ISqlDialect, string> Sql);

    /// <summary>An index on incidents that only serves queries (no constraint rests on it).</summary>
    public sealed record Index(string Name, string Columns)
    {
        public string CreateSql => $"CREATE INDEX {Name} ON incidents ({Columns})";
        public string DropSql => $"DROP INDEX {Name}";
    }

    /// <summary>
    /// The query indexes, shaped for a monthly assessment: by date, and by province, district, perpetrator and
    /// event type within a date range. A first import into an empty table builds them after loading the
    /// rows (one sort each) instead of row by row.
    /// </summary>
    public static readonly IReadOnlyList<Index> SecondaryIndexes =
    [
        new("ix_incidents_date", "date_start"),
        new("ix_incidents_admin1", "admin1, date_start"),
        new("ix_incidents_admin2", "admin2, date_start"),
        new("ix_incidents_perpetrator", "perpetrator, date_start"),
        new("ix_incidents_event_type", "event_type, date_start"),
    ];

    public static readonly IReadOnlyList<Migration> Migrations =
    [
        new(1, "incidents, sources, revisions, imports", d => $"""
            CREATE TABLE imports (
                id {d.IdentityPrimaryKey},
                dataset TEXT NOT NULL,
                file_name TEXT NOT NULL,
                file_sha256 TEXT NOT NULL,
                format TEXT NOT NULL,
                author TEXT NOT NULL,
                started_at TEXT NOT NULL,
                finished_at TEXT,
                created BIGINT NOT NULL DEFAULT 0,
                updated BIGINT NOT NULL DEFAULT 0,
                unchanged BIGINT NOT NULL DEFAULT 0,
                skipped_deleted BIGINT NOT NULL DEFAULT 0,
                rejected BIGINT NOT NULL DEFAULT 0
            );
            CREATE TABLE incidents (
                id {d.IdentityPrimaryKey},
                revision INTEGER NOT NULL,
                dataset TEXT,
                source_id TEXT,
                date_start TEXT NOT NULL,
                date_end TEXT NOT NULL,
                date_precision TEXT NOT NULL,
                country TEXT,
                admin1 TEXT,
                admin1_raw TEXT,
                admin2 TEXT,
                admin2_raw TEXT,
                location TEXT,
                latitude DOUBLE PRECISION,
                longitude DOUBLE PRECISION,
                geo_precision TEXT NOT NULL,
                geo_precision_raw TEXT,
                event_type TEXT NOT NULL,
                event_subtype TEXT,
                source_event_type TEXT,
                perpetrator TEXT,
                perpetrator_raw TEXT,
                target TEXT,
                target_raw TEXT,
                target_type TEXT,
                target_type_raw TEXT,
                attribution TEXT,
                killed_low INTEGER,
                killed_best INTEGER,
                killed_high INTEGER,
                killed_phrase TEXT,
                killed_rule TEXT,
                injured_low INTEGER,
                injured_best INTEGER,
                injured_high INTEGER,
                injured_phrase TEXT,
                injured_rule TEXT,
                killed_security_forces INTEGER,
                killed_civilians INTEGER,
                killed_militants INTEGER,
                killed_unknown INTEGER,
                perpetrators_included INTEGER,
                notes TEXT,
                quality_flags TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                deleted_at TEXT,
                created_by TEXT NOT NULL,
                created_import_id BIGINT REFERENCES imports (id),
                created_reason TEXT,
                last_import_id BIGINT REFERENCES imports (id),
                CHECK (killed_low >= 0 AND killed_best >= 0 AND killed_high >= 0),
                CHECK (injured_low >= 0 AND injured_best >= 0 AND injured_high >= 0),
                CHECK (date_end >= date_start)
            );
            CREATE UNIQUE INDEX ux_incidents_source ON incidents (dataset, source_id);
            {string.Join("\n", SecondaryIndexes.Select(i => i.CreateSql + ";"))}
            CREATE TABLE incident_sources (
                incident_id BIGINT NOT NULL REFERENCES incidents (id),
                ordinal INTEGER NOT NULL,
                name TEXT,
                published TEXT,
                headline TEXT,
                url TEXT,
                PRIMARY KEY (incident_id, ordinal)
            ){d.ClusteredByKey};
            CREATE TABLE revisions (
                incident_id BIGINT NOT NULL REFERENCES incidents (id),
                number INTEGER NOT NULL,
                at TEXT NOT NULL,
                author TEXT NOT NULL,
                kind TEXT NOT NULL,
                import_id BIGINT REFERENCES imports (id),
                changes TEXT,
                reason TEXT,
                PRIMARY KEY (incident_id, number)
            ){d.ClusteredByKey};
            """),
        new(2, "monthly rollup", d => $"""
            CREATE TABLE monthly_rollup (
                month TEXT NOT NULL,
                country TEXT NOT NULL,
                admin1 TEXT NOT NULL,
                perpetrator TEXT NOT NULL,
                event_type TEXT NOT NULL,
                target_type TEXT NOT NULL,
                dataset TEXT NOT NULL,
                incidents BIGINT NOT NULL,
                killed_low BIGINT NOT NULL,
                killed_best BIGINT NOT NULL,
                killed_high BIGINT NOT NULL,
                killed_unknown BIGINT NOT NULL,
                injured_low BIGINT NOT NULL,
                injured_best BIGINT NOT NULL,
                injured_high BIGINT NOT NULL,
                injured_unknown BIGINT NOT NULL,
                PRIMARY KEY (month, country, admin1, perpetrator, event_type, target_type, dataset)
            ){d.ClusteredByKey};
            {RollupV2Sql};
            """),
        new(3, "api keys and audit trail", d => $"""
            CREATE TABLE api_keys (
                id {d.IdentityPrimaryKey},
                name TEXT NOT NULL,
                role TEXT NOT NULL,
                key_hash TEXT NOT NULL,
                created_at TEXT NOT NULL,
                revoked_at TEXT
            );
            CREATE UNIQUE INDEX ux_api_keys_hash ON api_keys (key_hash);
            CREATE UNIQUE INDEX ux_api_keys_live_name ON api_keys (name) WHERE revoked_at IS NULL;
            CREATE TABLE audit_log (
                id {d.IdentityPrimaryKey},
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                target TEXT NOT NULL,
                status INTEGER NOT NULL,
                detail TEXT
            );
            CREATE INDEX ix_audit_log_at ON audit_log (at);
            """),
        new(4, "data version", _ => """
            CREATE TABLE store_meta (
                key TEXT PRIMARY KEY,
                value BIGINT NOT NULL
            );
            INSERT INTO store_meta (key, value) VALUES ('data_version', 1);
            """),
        new(5, "engagements, commitments, crossings", AccountabilitySchema.Sql),
        new(6, "extraction candidates and merges", d => $"""
            CREATE TABLE extraction_candidates (
                id {d.IdentityPrimaryKey},
                article_id TEXT NOT NULL,
                source TEXT,
                url TEXT,
                published TEXT,
                kind TEXT NOT NULL,
                summary TEXT NOT NULL,
                evidence TEXT,
                payload TEXT NOT NULL,
                status TEXT NOT NULL,
                incident_id BIGINT,
                created_at TEXT NOT NULL,
                decided_at TEXT,
                decided_by TEXT
            );
            CREATE INDEX ix_extraction_candidates_status ON extraction_candidates (status, id);
            CREATE TABLE incident_merges (
                id {d.IdentityPrimaryKey},
                into_incident BIGINT NOT NULL,
                absorbed TEXT NOT NULL,
                reason TEXT NOT NULL,
                merged_at TEXT NOT NULL,
                merged_by TEXT NOT NULL,
                undone_at TEXT,
                undone_by TEXT
            );
            """),
        new(7, "accepting every kind of candidate; merges into existing incidents", d => $"""
            ALTER TABLE extraction_candidates ADD COLUMN accepted_as TEXT;
            ALTER TABLE incident_merges ADD COLUMN prior_revision INTEGER;
            ALTER TABLE incident_merges ADD COLUMN merged_revision INTEGER;
            CREATE TABLE accepted_claims (
                id {d.IdentityPrimaryKey},
                candidate_id BIGINT NOT NULL,
                article_id TEXT NOT NULL,
                source TEXT,
                url TEXT,
                published TEXT,
                claim TEXT NOT NULL,
                evidence TEXT,
                accepted_at TEXT NOT NULL,
                accepted_by TEXT NOT NULL
            );
            """),
        new(8, "datasets", _ => """
            CREATE TABLE datasets (
                name TEXT PRIMARY KEY,
                title TEXT NOT NULL,
                description TEXT NOT NULL,
                citation TEXT NOT NULL,
                licence TEXT NOT NULL,
                redistributable INTEGER NOT NULL,
                coverage TEXT NOT NULL,
                is_primary INTEGER NOT NULL,
                saved_at TEXT NOT NULL
            );
            """),
        new(9, "dataset links", LinkSchema.Sql),
        new(10, "event categories, parties by role, suicide", PartiesSchema.Sql),
        new(11, "articles kept beside their review candidates", d => $"""
            CREATE TABLE extraction_articles (
                id {d.IdentityPrimaryKey},
                article_id TEXT NOT NULL,
                title TEXT,
                text TEXT NOT NULL,
                kind TEXT,
                stored_at TEXT NOT NULL
            );
            ALTER TABLE extraction_candidates ADD COLUMN article_ref BIGINT;
            CREATE INDEX ix_extraction_candidates_article ON extraction_candidates (article_ref);
            """),
        new(12, "analysts' key findings for monthly assessments", d => $"""
            CREATE TABLE report_notes (
                id {d.IdentityPrimaryKey},
                month TEXT NOT NULL,
                scope_key TEXT NOT NULL,
                scope_label TEXT NOT NULL,
                markdown TEXT NOT NULL,
                saved_at TEXT NOT NULL,
                saved_by TEXT NOT NULL
            );
            CREATE INDEX ix_report_notes_month ON report_notes (month, scope_key, id);
            """),
        // The database's own full-text index (FTS5, tsvector), filled from the incidents there are, then kept by triggers.
        new(13, "full-text search", d => d.Search.CreateSql),
        // Articles received (pushed, or read from feeds) are found again by their address, their id and their text, and
        // each outlet that carried one is a source of it: the same story syndicated three times is one article.
        new(14, "received articles: address, text hash and sources", d => $"""
            ALTER TABLE extraction_articles ADD COLUMN url TEXT;
            ALTER TABLE extraction_articles ADD COLUMN content_hash TEXT;
            CREATE INDEX ix_extraction_articles_url ON extraction_articles (url);
            CREATE INDEX ix_extraction_articles_hash ON extraction_articles (content_hash);
            CREATE INDEX ix_extraction_articles_article ON extraction_articles (article_id);
            CREATE TABLE article_sources (
                id {d.IdentityPrimaryKey},
                article_ref BIGINT NOT NULL,
                source TEXT,
                url TEXT,
                guid TEXT,
                published TEXT,
                received_at TEXT NOT NULL,
                received_by TEXT NOT NULL
            );
            CREATE INDEX ix_article_sources_article ON article_sources (article_ref, id);
            """),
        // Feeds the server watches, and every item read from them, stored before it is processed (nothing read is lost
        // when the process stops). A removed feed keeps its row and items; only one live feed per address.
        new(15, "news feeds and their items", d => $"""
            CREATE TABLE feeds (
                id {d.IdentityPrimaryKey},
                url TEXT NOT NULL,
                name TEXT NOT NULL,
                every_seconds BIGINT NOT NULL,
                added_at TEXT NOT NULL,
                added_by TEXT NOT NULL,
                removed_at TEXT,
                removed_by TEXT,
                etag TEXT,
                last_modified TEXT,
                last_polled_at TEXT,
                last_success_at TEXT,
                last_error TEXT,
                last_error_at TEXT,
                failures INTEGER NOT NULL,
                next_poll_at TEXT NOT NULL
            );
            CREATE UNIQUE INDEX ux_feeds_live_url ON feeds (url) WHERE removed_at IS NULL;
            CREATE TABLE feed_items (
                id {d.IdentityPrimaryKey},
                feed_id BIGINT NOT NULL,
                item_key TEXT NOT NULL,
                guid TEXT,
                link TEXT,
                title TEXT,
                published TEXT,
                summary TEXT,
                seen_at TEXT NOT NULL,
                state TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                error TEXT,
                retry_at TEXT,
                article_ref BIGINT,
                processed_at TEXT
            );
            CREATE UNIQUE INDEX ux_feed_items_key ON feed_items (feed_id, item_key);
            CREATE INDEX ix_feed_items_state ON feed_items (state, id);
            """),
        // Every answer can be asked as of a past moment: what changes in place keeps its earlier states.
        new(16, "history for answers as of a past moment; published reports", Past.HistorySchema.Sql),
        new(17, "provenance: each source's figures, the source registry, incident grades", ProvenanceSchema.Sql),
        // A statistic's share of graded incidents read from the rollup, not from every incident in scope.
        new(18, "the count of each grade in the monthly rollup", _ => RollupGradesSql),
    ];

    private static string RollupGradesSql =>
        string.Join("\n", MonthlyRollup.GradeColumns.Values.Select(c => $"ALTER TABLE monthly_rollup ADD COLUMN {c} BIGINT NOT NULL DEFAULT 0;"))
        + "\nDELETE FROM monthly_rollup;\n" + MonthlyRollup.RebuildSql() + ";";

    /// <summary>The rollup's fill as schema version 2 knew it (before categories), for databases that pass through it.</summary>
    private const string RollupV2Sql = """
        INSERT INTO monthly_rollup (month, country, admin1, perpetrator, event_type, target_type, dataset,
            incidents, killed_low, killed_best, killed_high, killed_unknown, injured_low, injured_best, injured_high, injured_unknown)
        SELECT substr(date_start, 1, 7), COALESCE(country, ''), COALESCE(admin1, ''), COALESCE(perpetrator, perpetrator_raw, ''),
               event_type, COALESCE(target_type, ''), COALESCE(dataset, ''),
               COUNT(*), COALESCE(SUM(COALESCE(killed_low, killed_best)), 0), COALESCE(SUM(killed_best), 0),
               COALESCE(SUM(COALESCE(killed_high, killed_best)), 0), SUM(CASE WHEN killed_best IS NULL THEN 1 ELSE 0 END),
               COALESCE(SUM(COALESCE(injured_low, injured_best)), 0), COALESCE(SUM(injured_best), 0),
               COALESCE(SUM(COALESCE(injured_high, injured_best)), 0), SUM(CASE WHEN injured_best IS NULL THEN 1 ELSE 0 END)
        FROM incidents
        WHERE deleted_at IS NULL
        GROUP BY substr(date_start, 1, 7), COALESCE(country, ''), COALESCE(admin1, ''), COALESCE(perpetrator, perpetrator_raw, ''),
                 event_type, COALESCE(target_type, ''), COALESCE(dataset, '')
        """;

    public static int LatestVersion => Migrations[^1].Version;

    /// <summary>The tables a new database starts with rows in (the data version, the seeded source registry and its history).</summary>
    public static readonly IReadOnlySet<string> SeededTables = new HashSet<string>(["store_meta", "sources", "source_history"], StringComparer.Ordinal);

    /// <summary>A table of the schema and the key that orders its rows.</summary>
    public sealed record Table(string Name, string OrderBy, bool HasIdentity);

    /// <summary>
    /// Every table, parents before children (the order a copy must write them in). A test checks this list
    /// against the tables a fresh database has, so a migration that adds a table must add it here. The full-text
    /// index's tables (<see cref="SearchDocument.IsIndexTable"/>) are not listed: they are built from these.
    /// </summary>
    public static readonly IReadOnlyList<Table> Tables =
    [
        new("schema_migrations", "version", false),
        new("imports", "id", true),
        new("incidents", "id", true),
        new("incident_sources", "incident_id, ordinal", false),
        new("revisions", "incident_id, number", false),
        new("monthly_rollup", "month, country, admin1, perpetrator, event_type, target_type, dataset", false),
        new("api_keys", "id", true),
        new("audit_log", "id", true),
        new("store_meta", "key", false),
        new("engagements", "id", true),
        new("commitments", "id", true),
        new("implementation_scores", "id", true),
        new("crossings", "id", true),
        new("crossing_events", "id", true),
        new("extraction_articles", "id", true),
        new("article_sources", "id", true),
        new("extraction_candidates", "id", true),
        new("incident_merges", "id", true),
        new("accepted_claims", "id", true),
        new("datasets", "name", false),
        new("incident_links", "id", true),
        new("report_notes", "id", true),
        new("feeds", "id", true),
        new("feed_items", "id", true),
        new("link_changes", "id", true),
        new("dataset_versions", "version_at, name", false),
        new("published_reports", "id", true),
        new("sources", "key", false),
        new("source_history", "id", true),
    ];
}

namespace Vigil.Storage.Relational.Past;

/// <summary>
/// Schema version 16: what an answer "as of" a past moment needs beyond the incidents' own revisions. Links and
/// dataset settings change in place, so their earlier states are kept: <c>link_changes</c> holds a link's row as it
/// was before each decision or removal; <c>dataset_versions</c> holds the whole <c>datasets</c> table after each change
/// (a handful of rows). <c>published_reports</c> records each published assessment: its request, scope, data version,
/// moment and figures, so that it can be regenerated as of its moment and compared with the data since.
/// Revisions are found by time through <c>ix_revisions_at</c>.
/// </summary>
internal static class HistorySchema
{
    /// <summary>The columns of a link row, as <c>incident_links</c> and <c>link_changes</c> both hold them.</summary>
    public const string LinkColumns =
        "incident_a, incident_b, dataset_a, dataset_b, status, reason, created_at, created_by, decided_at, decided_by, decision_reason";

    /// <summary>The columns of a dataset row, as <c>datasets</c> and <c>dataset_versions</c> both hold them.</summary>
    public const string DatasetColumns = "name, title, description, citation, licence, redistributable, coverage, is_primary, saved_at";

    public static string Sql(ISqlDialect d) => $"""
        CREATE INDEX ix_revisions_at ON revisions (at);
        CREATE TABLE link_changes (
            id {d.IdentityPrimaryKey},
            link_id BIGINT NOT NULL,
            changed_at TEXT NOT NULL,
            changed_by TEXT NOT NULL,
            status_after TEXT,
            incident_a BIGINT NOT NULL,
            incident_b BIGINT NOT NULL,
            dataset_a TEXT NOT NULL,
            dataset_b TEXT NOT NULL,
            status TEXT NOT NULL,
            reason TEXT NOT NULL,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            decided_at TEXT,
            decided_by TEXT,
            decision_reason TEXT
        );
        CREATE INDEX ix_link_changes_link ON link_changes (link_id, changed_at);
        CREATE INDEX ix_link_changes_at ON link_changes (changed_at);
        CREATE TABLE dataset_versions (
            version_at TEXT NOT NULL,
            name TEXT NOT NULL,
            title TEXT NOT NULL,
            description TEXT NOT NULL,
            citation TEXT NOT NULL,
            licence TEXT NOT NULL,
            redistributable INTEGER NOT NULL,
            coverage TEXT NOT NULL,
            is_primary INTEGER NOT NULL,
            saved_at TEXT NOT NULL,
            PRIMARY KEY (version_at, name)
        );
        INSERT INTO dataset_versions (version_at, {DatasetColumns})
        SELECT (SELECT MAX(saved_at) FROM datasets), {DatasetColumns} FROM datasets;
        CREATE TABLE published_reports (
            id {d.IdentityPrimaryKey},
            kind TEXT NOT NULL,
            month TEXT NOT NULL,
            request TEXT NOT NULL,
            scope_label TEXT NOT NULL,
            data_version BIGINT NOT NULL,
            moment TEXT NOT NULL,
            published_at TEXT NOT NULL,
            published_by TEXT NOT NULL,
            figures TEXT NOT NULL
        );
        """;

    /// <summary>Copies the links a statement is about change (as they are now) into <c>link_changes</c>; run before the change.</summary>
    public static string RecordLinks(string where) => $"""
        INSERT INTO link_changes (link_id, changed_at, changed_by, status_after, {LinkColumns})
        SELECT id, @changed_at, @changed_by, @status_after, {LinkColumns} FROM incident_links WHERE {where}
        """;

    /// <summary>Copies the whole <c>datasets</c> table into <c>dataset_versions</c>; run after a change, in its transaction.</summary>
    public const string RecordDatasets = $"INSERT INTO dataset_versions (version_at, {DatasetColumns}) SELECT @version_at, {DatasetColumns} FROM datasets";
}

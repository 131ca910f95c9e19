using Vigil.Storage.Relational;

namespace Vigil.Storage.Sqlite;

/// <summary>
/// The full-text index on SQLite: a contentless FTS5 table (the text stays in <c>incidents</c> and
/// <c>incident_sources</c>; the index keeps only its terms) whose rowid is the incident's id, with rows that can be
/// deleted (<c>contentless_delete</c>), tokenised by <c>unicode61</c> with diacritics folded. Row triggers rewrite an
/// incident's row when its place names or notes change, or when a source of it is added, changed or removed.
/// </summary>
internal sealed class SqliteSearchIndex : ISearchIndex
{
    private const string Table = SearchDocument.Table;

    /// <summary>The triggers, by name, with their definitions.</summary>
    private static readonly (string Name, string Sql)[] Triggers =
    [
        ($"{Table}_insert", $"""
            CREATE TRIGGER {Table}_insert AFTER INSERT ON incidents BEGIN
                {Insert("new.id")};
            END
            """),
        ($"{Table}_update", $"""
            CREATE TRIGGER {Table}_update AFTER UPDATE ON incidents
            WHEN {string.Join(" OR ", SearchDocument.IncidentColumns.Append("id").Select(c => $"old.{c} IS NOT new.{c}"))}
            BEGIN
                DELETE FROM {Table} WHERE rowid = old.id;
                {Insert("new.id")};
            END
            """),
        ($"{Table}_delete", $"""
            CREATE TRIGGER {Table}_delete AFTER DELETE ON incidents BEGIN
                DELETE FROM {Table} WHERE rowid = old.id;
            END
            """),
        ($"{Table}_source_insert", $"""
            CREATE TRIGGER {Table}_source_insert AFTER INSERT ON incident_sources BEGIN
                {Refresh("new.incident_id")}
            END
            """),
        ($"{Table}_source_update", $"""
            CREATE TRIGGER {Table}_source_update AFTER UPDATE ON incident_sources BEGIN
                {Refresh("old.incident_id")}
                {Refresh("new.incident_id")}
            END
            """),
        ($"{Table}_source_delete", $"""
            CREATE TRIGGER {Table}_source_delete AFTER DELETE ON incident_sources BEGIN
                {Refresh("old.incident_id")}
            END
            """),
    ];

    public string CreateSql => $"""
        CREATE VIRTUAL TABLE {Table} USING fts5(place, notes, sources, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
        {Insert(null)};
        {string.Join("\n", Triggers.Select(t => t.Sql + ";"))}
        """;

    public string SuspendSql => string.Join("\n", Triggers.Select(t => $"DROP TRIGGER {t.Name};"));

    public string ResumeSql => $"""
        INSERT INTO {Table} ({Table}) VALUES ('delete-all');
        {Insert(null)};
        {string.Join("\n", Triggers.Select(t => t.Sql + ";"))}
        """;

    /// <summary>
    /// FTS5's query syntax with every word in double quotes (a quoted string is only ever words to the tokeniser,
    /// never AND, OR, NOT, NEAR, a column name or brackets): <c>"north" "waziristan"</c> is a phrase when written
    /// <c>"north waziristan"</c>, a prefix <c>"kill" *</c>, terms joined by AND.
    /// </summary>
    public string Query(TextSearch search) => string.Join(" AND ", search.Terms.Select(t =>
        "\"" + string.Join(" ", t.Words) + "\"" + (t.Prefix ? " *" : "")));

    public string Condition(string parameter) => $"incidents.id IN (SELECT rowid FROM {Table} WHERE {Table} MATCH {parameter})";

    /// <summary>Writes the document of the incident with id <paramref name="id"/> (an SQL expression), or of every incident when null.</summary>
    private static string Insert(string? id) => $"""
        INSERT INTO {Table} (rowid, place, notes, sources)
            SELECT i.id, {SearchDocument.Joined(SearchDocument.PlaceColumns, "i")}, COALESCE(i.notes, ''),
                COALESCE((SELECT group_concat({SearchDocument.Joined(SearchDocument.SourceColumns, "s")}, ' ') FROM incident_sources s WHERE s.incident_id = i.id), '')
            FROM incidents i{(id is null ? "" : $" WHERE i.id = {id}")}
        """;

    /// <summary>Rewrites the document of the incident with id <paramref name="id"/>: the statements of a trigger body.</summary>
    private static string Refresh(string id) => $"""
        DELETE FROM {Table} WHERE rowid = {id};
                {Insert(id)};
        """;
}

namespace Vigil.Storage.Relational;

/// <summary>
/// The full-text index of incidents (schema version 13) on one database: SQLite's FTS5, PostgreSQL's
/// <c>tsvector</c> with a GIN index. One document per incident, of the text in <see cref="SearchDocument"/>,
/// kept in step by triggers on <c>incidents</c> and <c>incident_sources</c>, so every write — a creation, an edit,
/// a deletion, a merge, a source added, an import, a copy — changes the index in the same transaction.
/// </summary>
public interface ISearchIndex
{
    /// <summary>Creates the index and its triggers and fills it from the incidents there are.</summary>
    string CreateSql { get; }

    /// <summary>
    /// Before a first load into empty tables, inside the load's transaction: drops the triggers (and what they
    /// would keep up row by row), so that <see cref="ResumeSql"/> builds the index once over all the rows.
    /// </summary>
    string SuspendSql { get; }

    /// <summary>After <see cref="SuspendSql"/>: rebuilds the index from every incident and puts the triggers back.</summary>
    string ResumeSql { get; }

    /// <summary>The search in the index's own query language (every word quoted: no operator can come from the text).</summary>
    string Query(TextSearch search);

    /// <summary>The condition on <c>incidents</c> that keeps the incidents whose document matches the query in <paramref name="parameter"/>.</summary>
    string Condition(string parameter);
}

/// <summary>What an incident's search document holds: its place names, its notes, and its sources.</summary>
public static class SearchDocument
{
    /// <summary>The index's name (a table on PostgreSQL; a virtual table and its own tables, named after it, on SQLite).</summary>
    public const string Table = "incident_search";

    /// <summary>The place names: the location, the district and province as normalised and as the source wrote them, the country.</summary>
    public static readonly IReadOnlyList<string> PlaceColumns = ["location", "admin2", "admin2_raw", "admin1", "admin1_raw", "country"];

    /// <summary>The columns of an incident whose change changes its document.</summary>
    public static readonly IReadOnlyList<string> IncidentColumns = [.. PlaceColumns, "notes"];

    /// <summary>The columns of a source that the document holds: the source's name, the article's headline, its address.</summary>
    public static readonly IReadOnlyList<string> SourceColumns = ["name", "headline", "url"];

    /// <summary>Whether a table belongs to the index (built from the others, so never copied or checksummed itself).</summary>
    public static bool IsIndexTable(string table) =>
        table == Table || table.StartsWith(Table + "_", StringComparison.Ordinal);

    /// <summary>The text of columns joined by spaces, NULL read as empty (portable SQL), each column prefixed by <paramref name="alias"/>.</summary>
    public static string Joined(IEnumerable<string> columns, string alias) =>
        string.Join(" || ' ' || ", columns.Select(c => $"COALESCE({alias}.{c}, '')"));
}

using Vigil.Storage.Relational;

namespace Vigil.Storage.Postgres;

/// <summary>
/// The full-text index on PostgreSQL: a table of one <c>tsvector</c> per incident under a GIN index, in the
/// <c>simple</c> configuration (lower case, no stemming, no stop words: a word is found as it was written, as on
/// SQLite). Punctuation — ASCII's and the common Unicode marks, curly quotes and dashes among them — is made a space
/// before parsing, so that a word splits where SQLite's tokeniser splits it ("Pakistan’s" is "pakistan" and "s", an
/// address its words). Statement triggers with transition tables rewrite the documents of the incidents a statement
/// touched, once per statement: a COPY of ten thousand sources costs one rewrite, not ten thousand.
/// </summary>
internal sealed class PostgresSearchIndex : ISearchIndex
{
    private const string Table = SearchDocument.Table;

    /// <summary>What is made a space before the parser sees the text: ASCII other than letters and digits, Latin-1's punctuation and symbols, general punctuation, arrows and symbols, CJK and Arabic punctuation, emoji.</summary>
    private const string Separators =
        @"[\x01-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f\u00a0-\u00a9\u00ab-\u00b1\u00b4\u00b6-\u00b8\u00bb\u00bf\u00d7\u00f7\u2000-\u206f\u2190-\u2bff\u3000-\u303f\u060c\u061b\u061f\u066a-\u066d\u06d4\ufe10-\ufe6f\uff01-\uff0f\U0001f000-\U0001faff]+";

    private static readonly string Changed = string.Join(" OR ", SearchDocument.IncidentColumns.Append("id").Select(c => $"n.{c} IS DISTINCT FROM o.{c}"));

    private static readonly (string Name, string On, string Sql)[] Triggers =
    [
        ($"{Table}_insert", "incidents", $"CREATE TRIGGER {Table}_insert AFTER INSERT ON incidents REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION vigil_search_incidents_changed()"),
        ($"{Table}_update", "incidents", $"CREATE TRIGGER {Table}_update AFTER UPDATE ON incidents REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION vigil_search_incidents_changed()"),
        ($"{Table}_delete", "incidents", $"CREATE TRIGGER {Table}_delete AFTER DELETE ON incidents REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION vigil_search_incidents_changed()"),
        ($"{Table}_source_insert", "incident_sources", $"CREATE TRIGGER {Table}_source_insert AFTER INSERT ON incident_sources REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION vigil_search_sources_changed()"),
        ($"{Table}_source_update", "incident_sources", $"CREATE TRIGGER {Table}_source_update AFTER UPDATE ON incident_sources REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION vigil_search_sources_changed()"),
        ($"{Table}_source_delete", "incident_sources", $"CREATE TRIGGER {Table}_source_delete AFTER DELETE ON incident_sources REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION vigil_search_sources_changed()"),
    ];

    private const string IndexSql = $"CREATE INDEX ix_{Table}_document ON {Table} USING GIN (document)";

    public string CreateSql => $$"""
        CREATE TABLE {{Table}} (
            incident_id BIGINT PRIMARY KEY,
            document tsvector NOT NULL
        );
        CREATE FUNCTION vigil_search_document(ids BIGINT[]) RETURNS TABLE (incident_id BIGINT, document tsvector) LANGUAGE sql STABLE AS $body$
            SELECT i.id, to_tsvector('simple', regexp_replace(
                {{SearchDocument.Joined(SearchDocument.PlaceColumns, "i")}} || ' ' || COALESCE(i.notes, '') || ' ' ||
                COALESCE((SELECT string_agg({{SearchDocument.Joined(SearchDocument.SourceColumns, "s")}}, ' ') FROM incident_sources s WHERE s.incident_id = i.id), ''),
                '{{Separators}}', ' ', 'g'))
            FROM incidents i
            WHERE ids IS NULL OR i.id = ANY (ids)
        $body$;
        CREATE FUNCTION vigil_search_refresh(ids BIGINT[]) RETURNS void LANGUAGE sql AS $body$
            DELETE FROM {{Table}} WHERE incident_id = ANY (ids);
            INSERT INTO {{Table}} (incident_id, document) SELECT incident_id, document FROM vigil_search_document(ids);
        $body$;
        CREATE FUNCTION vigil_search_incidents_changed() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                PERFORM vigil_search_refresh(ARRAY(SELECT id FROM new_rows));
            ELSIF TG_OP = 'UPDATE' THEN
                PERFORM vigil_search_refresh(ARRAY(
                    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE {{Changed}}
                    UNION SELECT o.id FROM old_rows o WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.id = o.id)));
            ELSE
                DELETE FROM {{Table}} WHERE incident_id IN (SELECT id FROM old_rows);
            END IF;
            RETURN NULL;
        END
        $body$;
        CREATE FUNCTION vigil_search_sources_changed() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                PERFORM vigil_search_refresh(ARRAY(SELECT DISTINCT incident_id FROM new_rows));
            ELSIF TG_OP = 'UPDATE' THEN
                PERFORM vigil_search_refresh(ARRAY(SELECT incident_id FROM new_rows UNION SELECT incident_id FROM old_rows));
            ELSE
                PERFORM vigil_search_refresh(ARRAY(SELECT DISTINCT incident_id FROM old_rows));
            END IF;
            RETURN NULL;
        END
        $body$;
        INSERT INTO {{Table}} (incident_id, document) SELECT incident_id, document FROM vigil_search_document(NULL);
        {{IndexSql}};
        {{string.Join("\n", Triggers.Select(t => t.Sql + ";"))}}
        """;

    public string SuspendSql => string.Join("\n", Triggers.Select(t => $"DROP TRIGGER {t.Name} ON {t.On};")) + $"\nDROP INDEX ix_{Table}_document;";

    public string ResumeSql => $"""
        DELETE FROM {Table};
        INSERT INTO {Table} (incident_id, document) SELECT incident_id, document FROM vigil_search_document(NULL);
        {IndexSql};
        {string.Join("\n", Triggers.Select(t => t.Sql + ";"))}
        """;

    /// <summary>
    /// A <c>tsquery</c> with every word in single quotes (words are letters, digits and marks, so none holds a quote or
    /// an operator): terms joined by <c>&amp;</c>, a phrase's words by <c>&lt;-&gt;</c>, a prefix marked <c>:*</c>.
    /// </summary>
    public string Query(TextSearch search) => string.Join(" & ", search.Terms.Select(t =>
        "(" + string.Join(" <-> ", t.Words.Select(w => "'" + w + "'")) + (t.Prefix ? ":*" : "") + ")"));

    public string Condition(string parameter) =>
        $"incidents.id IN (SELECT incident_id FROM {Table} WHERE document @@ to_tsquery('simple', {parameter}))";
}

using System.Data.Common;
using Vigil.Domain.Sources;

namespace Vigil.Storage.Relational.Past;

/// <summary>
/// The source registry as it was at a moment: a temporary table named <c>sources</c> holding each entry as it stood
/// then (an entry edited since as its first later change found it; one added since not at all), and the history up to
/// the moment. The entries changed since are returned: the grades they reach are derived again by
/// <see cref="PastIncidents"/> with the registry of the moment.
/// </summary>
internal static class PastRegistry
{
    /// <summary>An entry changed after the moment: as it was then (null: not yet in the registry) and as it is now.</summary>
    public sealed record Changed(SourceEntry? Then, SourceEntry Now);

    public static List<Changed> Install(RelationalIncidentStore store, DbTransaction tx, string main, string at)
    {
        var t = "'" + at + "'";
        // The entries shipped with Vigil are part of its schema: as of any moment they were there as shipped.
        var seed = "'" + SourceSeed.Author.Replace("'", "''", StringComparison.Ordinal) + "'";
        string After(string alias) => $"({alias}.at > {t} AND {alias}.author <> {seed})";
        string Upto(string alias) => $"({alias}.at <= {t} OR {alias}.author = {seed})";
        store.Execute(tx, $"CREATE TEMP TABLE sources AS SELECT * FROM {main}sources WHERE 1 = 0");
        store.Execute(tx, $"""
            INSERT INTO sources SELECT * FROM {main}sources s
            WHERE NOT EXISTS (SELECT 1 FROM {main}source_history h WHERE h.source_key = s.key AND {After("h")})
            """);
        store.Execute(tx, $"CREATE TEMP VIEW source_history AS SELECT * FROM {main}source_history h WHERE {Upto("h")}");

        var changed = new List<(string At, string Author, Changed Entry)>();
        using (var cmd = store.Command(tx, $"""
            SELECT h.before, s.{SourceRows.SelectList.Replace(", ", ", s.", StringComparison.Ordinal)},
                   (SELECT p.at FROM {main}source_history p WHERE p.source_key = h.source_key AND {Upto("p")} ORDER BY p.id DESC LIMIT 1),
                   (SELECT p.author FROM {main}source_history p WHERE p.source_key = h.source_key AND {Upto("p")} ORDER BY p.id DESC LIMIT 1)
            FROM {main}source_history h JOIN {main}sources s ON s.key = h.source_key
            WHERE h.id = (SELECT MIN(f.id) FROM {main}source_history f WHERE f.source_key = h.source_key AND {After("f")})
            """))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var then = SourceRows.FromJson(r.IsDBNull(0) ? null : r.GetString(0));
                var now = SourceRows.Read(r, 1);
                var last = SourceRows.SelectList.Split(", ").Length + 1;
                changed.Add((r.IsDBNull(last) ? "" : r.GetString(last), r.IsDBNull(last + 1) ? "" : r.GetString(last + 1), new Changed(then, now)));
            }
        }
        foreach (var (savedAt, savedBy, entry) in changed)
        {
            if (entry.Then is { } e)
                SourceRows.Save(store, tx, e, insert: true, savedAt, savedBy);
        }
        return [.. changed.Select(c => c.Entry)];
    }
}

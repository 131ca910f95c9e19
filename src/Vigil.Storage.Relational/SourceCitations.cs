using System.Data.Common;
using Vigil.Domain.Incidents;
using Vigil.Domain.Sources;
using Vigil.Domain.Text;

namespace Vigil.Storage.Relational;

/// <summary>
/// Which incidents a registry entry's grade reaches: those citing it in a report (by key, or by any name it has or had),
/// and a dataset's records. A dataset's record with no report added in Vigil is graded by the dataset alone, so all such
/// records of a dataset share one grade, set in one statement; the others are derived one by one.
/// </summary>
internal static class SourceCitations
{
    /// <summary>A source row that is a report added in Vigil, not the dataset's own citation (alias <c>s</c>).</summary>
    public const string AddedReport = "(s.source_key IS NOT NULL OR s.kind IS NOT NULL OR s.killed_best IS NOT NULL OR s.injured_best IS NOT NULL "
        + "OR s.party_claim = 1 OR s.credibility IS NOT NULL)";

    /// <summary>The grade of a dataset's record graded by the dataset's entry alone.</summary>
    public static IncidentGrade DatasetOnlyGrade(SourceLookup lookup, string dataset) =>
        lookup.Prepare(new Incident
        {
            Date = new IncidentDate(new DateOnly(2000, 1, 1), new DateOnly(2000, 1, 1), DatePrecision.Day),
            SourceRecord = new SourceRecordKey(dataset, "-"),
        }, before: new Incident { Date = new IncidentDate(new DateOnly(2000, 1, 1), new DateOnly(2000, 1, 1), DatePrecision.Day) }).Grade!.Value;

    /// <summary>
    /// Sets the grade of the dataset's records graded by it alone (no override, no contest, no report added) in
    /// <paramref name="table"/>, to what <paramref name="lookup"/> says the dataset's entry gives.
    /// </summary>
    /// <returns>How many rows it set.</returns>
    public static int GradeDatasetRecords(RelationalIncidentStore store, DbTransaction tx, SourceLookup lookup, string dataset,
        string table = "incidents", string sources = "incident_sources")
    {
        using var cmd = store.Command(tx,
            $"UPDATE {table} SET grade = @g WHERE dataset = @k AND grade_override IS NULL AND contested = 0 "
            + $"AND NOT EXISTS (SELECT 1 FROM {sources} s WHERE s.incident_id = {table}.id AND {AddedReport})", "g", "k");
        cmd.Parameters["@g"].Value = EnumText<IncidentGrade>.Format(DatasetOnlyGrade(lookup, dataset));
        cmd.Parameters["@k"].Value = dataset;
        return cmd.ExecuteNonQuery();
    }

    /// <summary>
    /// The incidents whose grade the entry reaches one by one: those citing it in a report by its key or by a name or
    /// alias it has (<paramref name="entry"/>) or had (<paramref name="before"/>), and its dataset's records with a report
    /// added. <paramref name="main"/> names the database's own tables ("" or a schema prefix).
    /// </summary>
    public static List<long> Citing(RelationalIncidentStore store, DbTransaction tx, SourceEntry entry, SourceEntry? before, string main = "")
    {
        var names = new[] { entry.Key, entry.Name }.Concat(entry.Aliases)
            .Concat(before is null ? [] : [before.Name, .. before.Aliases])
            .Select(n => n.Trim().ToLowerInvariant()).Distinct().ToList();
        var ids = new List<long>();
        using var cmd = store.Command(tx, "");
        var list = string.Join(", ", names.Select(n => FilterSql.Param(cmd, n)));
        var key = FilterSql.Param(cmd, entry.Key);
        cmd.CommandText = $"""
            SELECT DISTINCT s.incident_id FROM {main}incident_sources s WHERE s.source_key = {key} OR lower(s.name) IN ({list})
            UNION
            SELECT i.id FROM {main}incidents i WHERE i.dataset = {key} AND EXISTS (SELECT 1 FROM {main}incident_sources s WHERE s.incident_id = i.id AND {AddedReport})
            """;
        using var r = cmd.ExecuteReader();
        while (r.Read())
            ids.Add(r.GetInt64(0));
        return ids;
    }
}

using System.Data.Common;

namespace Vigil.Storage.Relational.Links;

/// <summary>
/// Adds proposed links in one transaction. The pairs already stored between the datasets involved are read once
/// (one query per dataset pair), so a run of 100,000 proposals is one read and the inserts of what is new; a pair
/// already there is left as it is, and a rejected pair is never added again.
/// </summary>
internal sealed class LinkWriter(RelationalIncidentStore store)
{
    private const string Insert = """
        INSERT INTO incident_links (incident_a, incident_b, dataset_a, dataset_b, status, reason, created_at, created_by)
        VALUES (@a, @b, @da, @db, @s, @r, @at, @by)
        """;

    public LinkAddResult Add(IReadOnlyList<LinkProposal> links, string by)
    {
        if (links.Count == 0)
            return new LinkAddResult(0, 0, 0, 0);
        foreach (var l in links)
        {
            if (l.Incident == l.Other)
                throw new ArgumentException($"incident {l.Incident} cannot be linked with itself", nameof(links));
            if (l.Status == LinkStatus.Rejected)
                throw new ArgumentException("a run proposes linked or ambiguous pairs; rejecting is an analyst's decision", nameof(links));
        }
        using var tx = store.Connection.BeginTransaction();
        var stored = new Dictionary<(long, long), LinkStatus>();
        foreach (var (da, db) in links.Select(l => Ordered(l.Dataset, l.OtherDataset)).Distinct())
            ReadPairs(tx, da, db, stored);

        int linked = 0, ambiguous = 0, present = 0, skipped = 0;
        var now = IncidentColumns.Stamp(store.Clock.GetUtcNow());
        using var insert = store.Dialect.PrepareRowCommand(store.Connection, tx, Insert, ["a", "b", "da", "db", "s", "r", "at", "by"], returnsId: false);
        foreach (var l in links)
        {
            var (a, da, b, db) = l.Incident < l.Other ? (l.Incident, l.Dataset, l.Other, l.OtherDataset) : (l.Other, l.OtherDataset, l.Incident, l.Dataset);
            if (stored.TryGetValue((a, b), out var status))
            {
                if (status == LinkStatus.Rejected)
                    skipped++;
                else
                    present++;
                continue;
            }
            object?[] values = [a, b, da, db, LinkRows.Text(l.Status), l.Reason, now, by];
            for (var i = 0; i < values.Length; i++)
                insert.Set(i, values[i]);
            insert.Execute();
            stored[(a, b)] = l.Status;
            if (l.Status == LinkStatus.Linked)
                linked++;
            else
                ambiguous++;
        }
        if (linked + ambiguous > 0)
            store.BumpDataVersion(tx);
        tx.Commit();
        return new LinkAddResult(linked, ambiguous, present, skipped);
    }

    private static (string, string) Ordered(string x, string y) => string.CompareOrdinal(x, y) <= 0 ? (x, y) : (y, x);

    private void ReadPairs(DbTransaction tx, string da, string db, Dictionary<(long, long), LinkStatus> into)
    {
        using var cmd = store.Command(tx, $"SELECT incident_a, incident_b, status FROM incident_links WHERE {LinkRows.BetweenDatasets}", "da", "db");
        cmd.Parameters["@da"].Value = da;
        cmd.Parameters["@db"].Value = db;
        using var r = cmd.ExecuteReader();
        while (r.Read())
            into[(r.GetInt64(0), r.GetInt64(1))] = Domain.Text.EnumText<LinkStatus>.Parse(r.GetString(2));
    }
}

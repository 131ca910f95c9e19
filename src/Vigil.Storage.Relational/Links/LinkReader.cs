using System.Data.Common;

namespace Vigil.Storage.Relational.Links;

/// <summary>Reading links: filtered pages with their total, one by id, the confirmed links of one incident.</summary>
internal sealed class LinkReader(RelationalIncidentStore store)
{
    public LinkPage List(LinkQuery query)
    {
        if (query.Datasets.Count > 2)
            throw new ArgumentException("links are filtered by one dataset or by a pair of them", nameof(query));
        var (where, parameters) = Where(query);
        long total;
        using (var count = store.Command(null, $"SELECT COUNT(*) FROM incident_links{where}", [.. parameters]))
        {
            Bind(count, query);
            total = Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        using var cmd = store.Command(null, $"SELECT {LinkRows.Columns} FROM incident_links{where} ORDER BY id LIMIT @limit OFFSET @offset",
            [.. parameters, "limit", "offset"]);
        Bind(cmd, query);
        cmd.Parameters["@limit"].Value = query.Limit;
        cmd.Parameters["@offset"].Value = query.Offset;
        return new LinkPage(ReadAll(cmd), total);
    }

    public IncidentLink? Get(DbTransaction? tx, long id)
    {
        using var cmd = store.Command(tx, $"SELECT {LinkRows.Columns} FROM incident_links WHERE id = @id", "id");
        cmd.Parameters["@id"].Value = id;
        return ReadAll(cmd) is [var link] ? link : null;
    }

    /// <summary>Two lookups, one per indexed column, rather than one OR that a planner may not split.</summary>
    public IReadOnlyList<IncidentLink> LinkedWith(long incidentId)
    {
        var links = new List<IncidentLink>();
        foreach (var column in new[] { "incident_a", "incident_b" })
        {
            using var cmd = store.Command(null, $"SELECT {LinkRows.Columns} FROM incident_links WHERE {column} = @id AND status = @s ORDER BY id", "id", "s");
            cmd.Parameters["@id"].Value = incidentId;
            cmd.Parameters["@s"].Value = LinkRows.Text(LinkStatus.Linked);
            links.AddRange(ReadAll(cmd));
        }
        return [.. links.OrderBy(l => l.Id)];
    }

    private static (string Where, List<string> Parameters) Where(LinkQuery query)
    {
        var conditions = new List<string>();
        var parameters = new List<string>();
        if (query.Datasets is [_])
        {
            conditions.Add("(dataset_a = @da OR dataset_b = @da)");
            parameters.Add("da");
        }
        else if (query.Datasets is [_, _])
        {
            conditions.Add(LinkRows.BetweenDatasets);
            parameters.AddRange(["da", "db"]);
        }
        if (query.Status is not null)
        {
            conditions.Add("status = @s");
            parameters.Add("s");
        }
        if (query.IncidentId is not null)
        {
            conditions.Add("(incident_a = @i OR incident_b = @i)");
            parameters.Add("i");
        }
        return (conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions), parameters);
    }

    private static void Bind(DbCommand cmd, LinkQuery query)
    {
        if (query.Datasets.Count >= 1)
            cmd.Parameters["@da"].Value = query.Datasets[0];
        if (query.Datasets.Count == 2)
            cmd.Parameters["@db"].Value = query.Datasets[1];
        if (query.Status is { } s)
            cmd.Parameters["@s"].Value = LinkRows.Text(s);
        if (query.IncidentId is { } i)
            cmd.Parameters["@i"].Value = i;
    }

    private static List<IncidentLink> ReadAll(DbCommand cmd)
    {
        using var r = cmd.ExecuteReader();
        var list = new List<IncidentLink>();
        while (r.Read())
            list.Add(LinkRows.Read(r));
        return list;
    }
}

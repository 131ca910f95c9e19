using System.Globalization;
using Vigil.Domain.Datasets;
using Vigil.Domain.Errors;

namespace Vigil.Storage.Relational;

/// <summary>
/// The datasets (table <c>datasets</c>, schema version 8). The table keeps what analysts set (descriptions, licences,
/// declared coverage, the primary mark); every dataset in the data is listed whether or not it has a row, with
/// <see cref="KnownDatasets"/>' defaults, in the order of its first import. The span of each dataset's data comes from
/// the monthly rollup, refined to the day inside its first and last month.
/// </summary>
public sealed class RelationalDatasetStore(RelationalIncidentStore store) : IDatasetStore
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public IReadOnlyList<Dataset> List()
    {
        var saved = ReadSaved();
        var order = new List<string>();
        using (var cmd = store.Command(null, "SELECT dataset, MIN(id) FROM imports GROUP BY dataset ORDER BY MIN(id)"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
                order.Add(r.GetString(0));
        }
        var data = new Dictionary<string, (string First, string Last, long Incidents)>(StringComparer.Ordinal);
        using (var cmd = store.Command(null, "SELECT dataset, MIN(month), MAX(month), SUM(incidents) FROM monthly_rollup GROUP BY dataset HAVING SUM(incidents) > 0"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
                data[r.GetString(0) is { Length: > 0 } d ? d : DatasetNames.Own] = (r.GetString(1), r.GetString(2), Convert.ToInt64(r.GetValue(3), Inv));
        }
        // An import names its format when the rows carry their own datasets (a Vigil file, "vigil-csv"): a name no
        // incident ever had, deleted or not, and that nobody described, is no dataset.
        order.RemoveAll(name => !data.ContainsKey(name) && !saved.ContainsKey(name) && !HasRecords(name));
        foreach (var name in data.Keys.Order(StringComparer.Ordinal).Concat(saved.Keys.Order(StringComparer.Ordinal)))
        {
            if (!order.Contains(name))
                order.Add(name);
        }
        // An own-records dataset with nothing in it and nothing saved is not listed; an imported one emptied by deletes is.
        var list = new List<Dataset>();
        for (var i = 0; i < order.Count; i++)
        {
            var name = order[i];
            var entry = saved.TryGetValue(name, out var s) ? s : KnownDatasets.For(name);
            var coverage = entry.Coverage;
            long count = 0;
            if (data.TryGetValue(name, out var span))
            {
                coverage = coverage with { DataFrom = Day(name, span.First, first: true), DataTo = Day(name, span.Last, first: false) };
                count = span.Incidents;
            }
            list.Add(entry with { Position = i + 1, Coverage = coverage, Incidents = count, Primary = false });
        }
        var primary = saved.Values.FirstOrDefault(d => d.Primary)?.Name is { } p && list.Any(d => d.Name == p)
            ? p
            : (list.FirstOrDefault(d => d.Name != DatasetNames.Own) ?? list.FirstOrDefault())?.Name;
        return [.. list.Select(d => d.Name == primary ? d with { Primary = true } : d)];
    }

    private bool HasRecords(string name)
    {
        using var cmd = store.Command(null, "SELECT 1 FROM incidents WHERE dataset = @n LIMIT 1", "n");
        cmd.Parameters["@n"].Value = name;
        return cmd.ExecuteScalar() is not null;
    }

    public Dataset? Find(string name) => List().FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));

    public Dataset Save(Dataset dataset)
    {
        var existing = Find(dataset.Name) ?? throw new NotFoundException($"no dataset named '{dataset.Name}'");
        var primary = ReadSaved().TryGetValue(existing.Name, out var saved) && saved.Primary;
        using var tx = store.Connection.BeginTransaction();
        Write(tx, dataset with { Name = existing.Name }, primary);
        RecordVersion(tx);
        store.BumpDataVersion(tx);
        tx.Commit();
        return Find(existing.Name)!;
    }

    public void SetPrimary(string name)
    {
        var dataset = Find(name) ?? throw new NotFoundException($"no dataset named '{name}'");
        var saved = ReadSaved().GetValueOrDefault(dataset.Name);
        using var tx = store.Connection.BeginTransaction();
        store.Execute(tx, "UPDATE datasets SET is_primary = 0");
        Write(tx, saved ?? dataset, primary: true);
        RecordVersion(tx);
        store.BumpDataVersion(tx);
        tx.Commit();
    }

    /// <summary>Replaces the dataset's row (what analysts set; never the data's span, which is read from the data).</summary>
    private void Write(System.Data.Common.DbTransaction tx, Dataset dataset, bool primary)
    {
        using (var del = store.Command(tx, "DELETE FROM datasets WHERE name = @n", "n"))
        {
            del.Parameters["@n"].Value = dataset.Name;
            del.ExecuteNonQuery();
        }
        using var cmd = store.Command(tx, """
            INSERT INTO datasets (name, title, description, citation, licence, redistributable, coverage, is_primary, saved_at)
            VALUES (@n, @t, @d, @c, @l, @r, @cov, @p, @at)
            """, "n", "t", "d", "c", "l", "r", "cov", "p", "at");
        cmd.Parameters["@n"].Value = dataset.Name;
        cmd.Parameters["@t"].Value = dataset.Title;
        cmd.Parameters["@d"].Value = dataset.Description;
        cmd.Parameters["@c"].Value = dataset.Citation;
        cmd.Parameters["@l"].Value = dataset.Licence;
        cmd.Parameters["@r"].Value = dataset.Redistributable ? 1 : 0;
        cmd.Parameters["@cov"].Value = DatasetJson.Write(dataset.Coverage);
        cmd.Parameters["@p"].Value = primary ? 1 : 0;
        cmd.Parameters["@at"].Value = IncidentColumns.Stamp(store.Clock.GetUtcNow());
        cmd.ExecuteNonQuery();
    }

    /// <summary>Keeps the table as it now is (<c>dataset_versions</c>), so that answers as of a later moment read these settings.</summary>
    private void RecordVersion(System.Data.Common.DbTransaction tx)
    {
        var at = IncidentColumns.Stamp(store.Clock.GetUtcNow());
        using (var del = store.Command(tx, "DELETE FROM dataset_versions WHERE version_at = @version_at", "version_at"))
        {
            del.Parameters["@version_at"].Value = at;
            del.ExecuteNonQuery();
        }
        using var cmd = store.Command(tx, Past.HistorySchema.RecordDatasets, "version_at");
        cmd.Parameters["@version_at"].Value = at;
        cmd.ExecuteNonQuery();
    }

    private Dictionary<string, Dataset> ReadSaved()
    {
        var saved = new Dictionary<string, Dataset>(StringComparer.Ordinal);
        using var cmd = store.Command(null, "SELECT name, title, description, citation, licence, redistributable, coverage, is_primary FROM datasets");
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var name = r.GetString(0);
            saved[name] = new Dataset
            {
                Name = name,
                Title = r.GetString(1),
                Description = r.GetString(2),
                Citation = r.GetString(3),
                Licence = r.GetString(4),
                Redistributable = Convert.ToInt64(r.GetValue(5), Inv) != 0,
                Coverage = DatasetJson.Read(r.GetString(6)),
                Primary = Convert.ToInt64(r.GetValue(7), Inv) != 0,
            };
        }
        return saved;
    }

    /// <summary>
    /// The first (or last) start date of the dataset's incidents inside one month of the rollup: the store's own date
    /// range over that month, which its date index answers without reading the dataset.
    /// </summary>
    private DateOnly Day(string name, string month, bool first)
    {
        var start = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", Inv);
        var end = start.AddMonths(1).AddDays(-1);
        var (min, max) = store.DateRange(new IncidentQuery { Datasets = [name], From = start, To = end });
        return (first ? min : max) ?? (first ? start : end);
    }
}

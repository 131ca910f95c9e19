using Vigil.Storage;

namespace Vigil.Application.Links;

/// <summary>A record of another dataset that describes the same event ("pbc-suicide", 6851).</summary>
public sealed record LinkedRecord(string Dataset, long Id)
{
    public override string ToString() => $"{Dataset} {Id}";
}

/// <summary>
/// The other members of each listed incident's event: in a combined scope a list shows one row per real event (the
/// record of the dataset that comes first), and names the records of the other datasets linked to it.
/// </summary>
public static class LinkedRecords
{
    /// <summary>For each incident with confirmed links, the records linked to it, by dataset then id.</summary>
    public static IReadOnlyDictionary<long, IReadOnlyList<LinkedRecord>> Of(IVigilDatabase db, IEnumerable<long> ids)
    {
        var result = new Dictionary<long, IReadOnlyList<LinkedRecord>>();
        foreach (var id in ids.Distinct())
        {
            var linked = db.Links.LinkedWith(id)
                .Select(l => l.IncidentA == id ? new LinkedRecord(l.DatasetB, l.IncidentB) : new LinkedRecord(l.DatasetA, l.IncidentA))
                .OrderBy(r => r.Dataset, StringComparer.Ordinal).ThenBy(r => r.Id)
                .ToList();
            if (linked.Count > 0)
                result[id] = linked;
        }
        return result;
    }
}

namespace Vigil.Extraction.Merging;

/// <summary>One recorded merge: which incidents (by id) were folded into which, and why. Undoing restores them.</summary>
public sealed record MergeRecord(long Id, long Into, IReadOnlyList<long> Absorbed, IReadOnlyList<string> ReportsBefore, string Why);

/// <summary>
/// Incidents as groups of report ids, with every merge recorded and reversible: the surviving incident keeps its
/// id (ids are stable through merges), the absorbed ones are marked merged, not erased, and
/// <see cref="Undo"/> puts each report back where it was.
/// </summary>
public sealed class MergeLedger
{
    private readonly Dictionary<long, List<string>> _incidents = [];
    private readonly List<MergeRecord> _log = [];
    private long _nextIncident = 1;
    private long _nextMerge = 1;

    public IReadOnlyList<MergeRecord> Log => _log;

    /// <summary>Live incidents (not merged away) and the reports behind each.</summary>
    public IReadOnlyDictionary<long, IReadOnlyList<string>> Incidents =>
        _incidents.Where(kv => kv.Value.Count > 0).ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value);

    /// <summary>A new incident from one report; returns its id.</summary>
    public long Add(string reportId)
    {
        var id = _nextIncident++;
        _incidents[id] = [reportId];
        return id;
    }

    public MergeRecord Merge(long into, IReadOnlyList<long> absorbed, string why)
    {
        if (!_incidents.TryGetValue(into, out var target) || target.Count == 0)
            throw new InvalidOperationException($"incident {into} does not exist or was merged away");
        var before = new List<string>();
        foreach (var id in absorbed)
        {
            if (id == into || !_incidents.TryGetValue(id, out var reports) || reports.Count == 0)
                throw new InvalidOperationException($"incident {id} cannot be merged into {into}");
            before.AddRange(reports.Select(r => $"{id}:{r}"));
            target.AddRange(reports);
            reports.Clear();
        }
        var record = new MergeRecord(_nextMerge++, into, [.. absorbed], before, why);
        _log.Add(record);
        return record;
    }

    /// <summary>Reverses a merge: each absorbed incident gets its reports (and its id) back.</summary>
    public void Undo(long mergeId)
    {
        var record = _log.SingleOrDefault(r => r.Id == mergeId) ?? throw new InvalidOperationException($"no merge {mergeId}");
        if (_log.Any(r => r.Id > mergeId && (r.Into == record.Into || r.Absorbed.Contains(record.Into))))
            throw new InvalidOperationException($"merge {mergeId} was followed by another merge of incident {record.Into}; undo that first");
        var target = _incidents[record.Into];
        foreach (var entry in record.ReportsBefore)
        {
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            var id = long.Parse(entry[..colon], System.Globalization.CultureInfo.InvariantCulture);
            var report = entry[(colon + 1)..];
            target.Remove(report);
            _incidents[id].Add(report);
        }
        _log.Remove(record);
    }

    /// <summary>Records each cluster of several reports as one merge into the incident of its first report.</summary>
    public List<MergeRecord> Apply(IEnumerable<ReportCluster> clusters, IReadOnlyDictionary<string, long> incidentOfReport)
    {
        var records = new List<MergeRecord>();
        foreach (var c in clusters.Where(c => c.Reports.Count > 1))
        {
            var ids = c.Reports.Select(r => incidentOfReport[r.ArticleId]).Distinct().ToList();
            if (ids.Count > 1)
                records.Add(Merge(ids[0], ids[1..], string.Join("; ", c.Reasons)));
        }
        return records;
    }
}

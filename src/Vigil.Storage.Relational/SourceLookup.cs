using System.Data.Common;
using Vigil.Domain.Incidents;
using Vigil.Domain.Sources;

namespace Vigil.Storage.Relational;

/// <summary>
/// The registry as a write sees it, read once per transaction: an entry by its key, name or an alias (any case). Every
/// write of an incident goes through <see cref="Prepare"/>, so its figure, grade and contest are derived in one place.
/// </summary>
internal sealed class SourceLookup
{
    private readonly Dictionary<string, SourceEntry> _byName = new(StringComparer.OrdinalIgnoreCase);

    private SourceLookup(IEnumerable<SourceEntry> entries)
    {
        foreach (var e in entries)
        {
            // A key wins over another entry's name or alias.
            foreach (var alias in e.Aliases)
                _byName.TryAdd(alias.Trim(), e);
            _byName.TryAdd(e.Name.Trim(), e);
        }
        foreach (var e in entries)
            _byName[e.Key] = e;
    }

    public static SourceLookup Load(DbConnection connection, DbTransaction? tx)
    {
        using var cmd = Commands.Create(connection, tx, $"SELECT {SourceRows.SelectList} FROM sources", []);
        using var r = cmd.ExecuteReader();
        var list = new List<SourceEntry>();
        while (r.Read())
            list.Add(SourceRows.Read(r));
        return new SourceLookup(list);
    }

    public SourceEntry? Find(string keyOrName) => _byName.GetValueOrDefault(keyOrName.Trim());

    /// <summary>
    /// The incident as it is written. Source rows that give figures (reports added in Vigil) and name no registry entry
    /// are linked to the entry their name is, taking its kind; a party's report becomes a party claim. Then its figure by
    /// <see cref="FigureRule"/> — on creation (<paramref name="before"/> null) or when its sources changed, each figure
    /// the edit itself changed left as the editor set it —, whether its sources contest it, and its grade (the
    /// override, else derived).
    /// </summary>
    public Incident Prepare(Incident incident, Incident? before = null)
    {
        var i = Link(incident);
        if (before is null)
        {
            i = FigureRule.Apply(i);
        }
        else if (!SameSources(before, i))
        {
            i = FigureRule.Apply(i, keepKilled: !Equal(before.Killed, i.Killed), keepInjured: !Equal(before.Injured, i.Injured));
        }
        return i with
        {
            Contested = FigureRule.IsContested(i),
            Grade = i.GradeOverride ?? IncidentGrading.Derive(i, Find),
        };
    }

    private static bool Equal(CasualtyCount a, CasualtyCount b) => a.Low == b.Low && a.Best == b.Best && a.High == b.High;

    private static bool SameSources(Incident a, Incident b) =>
        a.Sources.IsDefaultOrEmpty ? b.Sources.IsDefaultOrEmpty : !b.Sources.IsDefaultOrEmpty && a.Sources.SequenceEqual(b.Sources);

    private Incident Link(Incident incident)
    {
        if (incident.Sources.IsDefaultOrEmpty || !incident.Sources.Any(s => s.SourceKey is null && s.HasFigures && s.Name is not null))
            return incident;
        return incident with
        {
            Sources = [.. incident.Sources.Select(s => s.SourceKey is null && s.HasFigures && s.Name is { } name && Find(name) is { } entry
                ? s with { SourceKey = entry.Key, Kind = s.Kind ?? entry.Type, PartyClaim = s.PartyClaim || entry.Type == SourceType.Party }
                : s)],
        };
    }
}

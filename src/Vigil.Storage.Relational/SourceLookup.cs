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
    /// The incident as it is written: its figure by <see cref="FigureRule"/> when <paramref name="applyRule"/> (a
    /// creation, or its sources changed), whether its sources contest it, and its grade (the override, else derived).
    /// </summary>
    public Incident Prepare(Incident incident, bool applyRule)
    {
        var i = applyRule ? FigureRule.Apply(incident) : incident;
        return i with
        {
            Contested = FigureRule.IsContested(i),
            Grade = i.GradeOverride ?? IncidentGrading.Derive(i, Find),
        };
    }
}

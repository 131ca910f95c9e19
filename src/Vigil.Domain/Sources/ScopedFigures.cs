using Vigil.Domain.Incidents;

namespace Vigil.Domain.Sources;

/// <summary>
/// An incident as a list under a <see cref="SourceScope"/> shows it: its killed and injured are the figures of that
/// scope (<see cref="FigureRule.For"/>), the same figures the scope's statistics sum, so a list of the incidents behind a
/// figure adds up to it. For showing only: an incident so changed is never written back (its own figure is the
/// independent one).
/// </summary>
public static class ScopedFigures
{
    /// <summary>
    /// The incident with the scope's killed and injured (itself under <see cref="SourceScope.Independent"/>). The
    /// incident must have been read with its sources: party claims are found there.
    /// </summary>
    public static Incident Of(Incident incidentWithSources, SourceScope scope)
    {
        if (scope == SourceScope.Independent)
            return incidentWithSources;
        var (killed, injured) = FigureRule.For(incidentWithSources, scope);
        return incidentWithSources with { Killed = killed, Injured = injured };
    }

    /// <summary>Whether listing under <paramref name="scope"/> needs the incidents' sources (every scope but the default).</summary>
    public static bool NeedSources(SourceScope scope) => scope != SourceScope.Independent;
}

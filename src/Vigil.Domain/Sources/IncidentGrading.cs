using Vigil.Domain.Incidents;

namespace Vigil.Domain.Sources;

/// <summary>
/// Derives an incident's <see cref="IncidentGrade"/> from the number, independence and reliability of its sources
/// (docs/method.md, "Sources and grades"). An incident imported from a dataset has the dataset as a source (graded as
/// the registry grades the dataset); the dataset's own citations are its sources, not Vigil's, and count only when
/// they were added as reports in Vigil (they name a registry entry, a kind, a figure or a party claim).
/// </summary>
public static class IncidentGrading
{
    /// <summary>One source as grading sees it.</summary>
    public sealed record GradedSource(string Identity, bool Independent, char Reliability, bool Credible);

    /// <param name="incident">The incident with its sources.</param>
    /// <param name="registry">The registry entry for a key or a name (any case, or an alias), or null.</param>
    public static IncidentGrade Derive(Incident incident, Func<string, SourceEntry?> registry)
    {
        var sources = Sources(incident, registry);
        if (sources.Count == 0)
            return IncidentGrade.Weak;
        var credible = sources.Where(s => s.Credible).ToList();
        if (credible.Count == 0)
            return IncidentGrade.Discounted;
        if (FigureRule.IsContested(incident))
            return IncidentGrade.Contested;
        var independent = credible.Where(s => s.Independent).GroupBy(s => s.Identity, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.Min(s => s.Reliability)).ToList();
        var good = independent.Count(Reliability.IsGood);
        if (good >= 2)
            return IncidentGrade.Confirmed;
        if (good >= 1 || independent.Count >= 2)
            return IncidentGrade.Fair;
        return IncidentGrade.Weak;
    }

    /// <summary>The sources grading counts, each with its independence, reliability and credibility.</summary>
    public static List<GradedSource> Sources(Incident incident, Func<string, SourceEntry?> registry)
    {
        var list = new List<GradedSource>();
        var dataset = incident.SourceRecord?.Dataset;
        if (dataset is not null)
        {
            var entry = registry(dataset);
            var grade = entry?.Reliability ?? Reliability.Ungraded;
            list.Add(new GradedSource(entry?.Key ?? dataset, entry?.Type != SourceType.Party, grade, !Reliability.IsUnreliable(grade)));
        }
        if (incident.Sources.IsDefaultOrEmpty)
            return list;
        for (var i = 0; i < incident.Sources.Length; i++)
        {
            var s = incident.Sources[i];
            var added = s.SourceKey is not null || s.Kind is not null || s.HasFigures || s.PartyClaim || s.Credibility is not null;
            if (dataset is not null && !added)
                continue;
            var entry = (s.SourceKey ?? s.Name) is { } name ? registry(name) : null;
            var grade = entry?.Reliability ?? Reliability.Ungraded;
            var independent = !s.PartyClaim && (s.Kind ?? entry?.Type) != SourceType.Party;
            var identity = entry?.Key ?? s.Name?.Trim() ?? s.Url ?? $"#{i + 1}";
            list.Add(new GradedSource(identity, independent, grade, s.Credible && !Reliability.IsUnreliable(grade)));
        }
        return list;
    }
}

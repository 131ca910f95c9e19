using System.Globalization;
using Vigil.Domain.Sources;
using Vigil.Domain.Text;
using Vigil.Storage;

namespace Vigil.Statistics.Sourcing;

/// <summary>
/// The share of a scope's incidents graded fair or better, printed beside its figures ("82 % of incidents fair or
/// better"), with the count of each grade. Nothing in scope: no share (never "0 %").
/// </summary>
public sealed record GradeShare(long Incidents, long FairOrBetter, IReadOnlyDictionary<IncidentGrade, long> Counts)
{
    /// <summary>The grade the share counts from.</summary>
    public const IncidentGrade Threshold = IncidentGrade.Fair;

    public static GradeShare For(IIncidentStore store, IncidentQuery query)
    {
        var counts = store.GradeCounts(query with { Limit = null, Offset = 0, After = null });
        return new GradeShare(counts.Values.Sum(), counts.Where(c => c.Key >= Threshold).Sum(c => c.Value), counts);
    }

    /// <summary>The percentage, rounded to a whole number; null when no incident is in scope.</summary>
    public int? Percent => Incidents == 0 ? null : (int)Math.Round(100.0 * FairOrBetter / Incidents, MidpointRounding.AwayFromZero);

    /// <summary>"82 % of incidents fair or better (confirmed 3, fair 79, weak 15, contested 2, discounted 1)".</summary>
    public string Text => Percent is { } p
        ? string.Create(CultureInfo.InvariantCulture, $"{p} % of incidents fair or better ({Breakdown})")
        : "no incidents to grade";

    /// <summary>Each grade's count, best first, by the grade's name.</summary>
    public IReadOnlyDictionary<string, long> Named => Enum.GetValues<IncidentGrade>().Reverse()
        .ToDictionary(EnumText<IncidentGrade>.Format, g => Counts.GetValueOrDefault(g), StringComparer.Ordinal);

    /// <summary>The count of each grade, best first.</summary>
    public string Breakdown => string.Join(", ", Enum.GetValues<IncidentGrade>().Reverse()
        .Select(g => string.Create(CultureInfo.InvariantCulture, $"{EnumText<IncidentGrade>.Format(g)} {Counts.GetValueOrDefault(g)}")));
}

using System.Globalization;
using Vigil.Domain.Incidents;

namespace Vigil.Domain.Sources;

/// <summary>
/// The one rule that turns an incident's sources' figures into its figure, per <see cref="SourceScope"/>
/// (docs/method.md, "Sources and grades"). Only credible reports count (credibility 5, improbable, is kept but left out).
/// <list type="bullet">
/// <item><b>Independent</b> (the default, and the incident's own stored figure): when independent sources give a figure,
/// best is the lower median of their best values, low the smallest low and high the largest high (unknown if any of
/// them leaves it open). When none does, the incident's figure stands as entered or imported (a dataset's record is its
/// own source). Party claims never set it.</item>
/// <item><b>All</b>: best is the independent figure's best, or — when no independent source gives one — the lower median
/// of the party claims; low and high span the independent figure and every party claim (unknown if any leaves it open).</item>
/// <item><b>Party</b>: the party claims alone, combined as the independent sources are; unknown when no party claimed a figure.</item>
/// </list>
/// Killed and injured are each combined on their own. The breakdown by side is the incident's, kept as entered.
/// </summary>
public static class FigureRule
{
    /// <summary>The rule's name, written as the figure's rule when it sets an incident's figure.</summary>
    public const string IndependentRuleName = "sources:independent-median";

    /// <summary>
    /// Whether two best figures disagree enough to contest an incident: the larger is at least twice the smaller and
    /// they differ by at least 5 (so 2 against 4 is not a dispute, 10 against 25 is).
    /// </summary>
    public static bool Disagree(int a, int b)
    {
        var (min, max) = a <= b ? (a, b) : (b, a);
        return max >= 2 * min && max - min >= 5;
    }

    /// <summary>
    /// The incident with its figure set by the independent rule when independent sources give figures; otherwise as it
    /// is. Applied by the store when an incident is created or its sources change. A dataset's record keeps the
    /// dataset's figure (the dataset is its source; reports added to it are kept and shown beside it). A figure the
    /// rule would not change keeps its own phrase and rule ("at least 12", "merge:median-of-reports"), and one
    /// independent source's figure is taken as it gave it.
    /// </summary>
    /// <param name="incident">The incident with its sources.</param>
    /// <param name="keepKilled">Leave killed as it is (the analyst set it in the same edit).</param>
    /// <param name="keepInjured">Leave injured as it is.</param>
    public static Incident Apply(Incident incident, bool keepKilled = false, bool keepInjured = false)
    {
        if (incident.SourceRecord is not null)
            return incident;
        var independent = Counting(incident).Where(s => !s.PartyClaim).ToList();
        if (independent.Count == 0)
            return incident;
        var killed = keepKilled ? null : Combine(independent, s => s.Killed);
        var injured = keepInjured ? null : Combine(independent, s => s.Injured);
        var result = incident with
        {
            Killed = Same(killed, incident.Killed) ? incident.Killed : killed!,
            Injured = Same(injured, incident.Injured) ? incident.Injured : injured!,
        };
        return result == incident ? incident
            : result with { Flags = (result.Flags & ~CasualtyMask) | Incident.CasualtyFlags(result.Killed, result.Injured) };
    }

    /// <summary>Whether the rule's figure is absent or has the numbers the incident already has.</summary>
    private static bool Same(CasualtyCount? rule, CasualtyCount current) =>
        rule is null || (rule.Low == current.Low && rule.Best == current.Best && rule.High == current.High);

    private const QualityFlags CasualtyMask = QualityFlags.KilledLowAboveBest | QualityFlags.KilledBestAboveHigh
        | QualityFlags.InjuredLowAboveBest | QualityFlags.InjuredBestAboveHigh | QualityFlags.LowAboveHigh;

    /// <summary>The incident's killed and injured as counted from <paramref name="scope"/>'s sources.</summary>
    public static (CasualtyCount Killed, CasualtyCount Injured) For(Incident incident, SourceScope scope)
    {
        if (scope == SourceScope.Independent)
            return (incident.Killed, incident.Injured);
        var party = Counting(incident).Where(s => s.PartyClaim).ToList();
        if (scope == SourceScope.Party)
            return (Combine(party, s => s.Killed, "sources:party-median") ?? CasualtyCount.Unknown,
                Combine(party, s => s.Injured, "sources:party-median") ?? CasualtyCount.Unknown);
        return (All(incident.Killed, party, s => s.Killed), All(incident.Injured, party, s => s.Injured));
    }

    /// <summary>Whether credible sources' best figures (killed, or injured) disagree by <see cref="Disagree"/>.</summary>
    public static bool IsContested(Incident incident)
    {
        var sources = Counting(incident).ToList();
        return Disputed(sources, s => s.Killed, incident.Killed) || Disputed(sources, s => s.Injured, incident.Injured);
    }

    private static bool Disputed(List<SourceReference> sources, Func<SourceReference, CasualtyCount?> pick, CasualtyCount own)
    {
        var bests = sources.Select(pick).Where(c => c?.Best is not null).Select(c => c!.Best!.Value).ToList();
        // A dataset's record, or an analyst's figure with no independent source behind it, is one view of its own.
        if (!sources.Any(s => !s.PartyClaim && pick(s)?.Best is not null) && own.Best is { } b)
            bests.Add(b);
        return bests.Count >= 2 && Disagree(bests.Min(), bests.Max());
    }

    /// <summary>The sources whose figures count: credible ones that give a figure.</summary>
    public static IEnumerable<SourceReference> Counting(Incident incident) =>
        incident.Sources.IsDefaultOrEmpty ? [] : incident.Sources.Where(s => s.Credible && s.HasFigures);

    private static CasualtyCount All(CasualtyCount independent, List<SourceReference> party, Func<SourceReference, CasualtyCount?> pick)
    {
        var claims = party.Select(pick).Where(c => c?.Best is not null).Select(c => c!).ToList();
        if (claims.Count == 0)
            return independent;
        var figures = independent.Best is null ? claims : [independent, .. claims];
        var best = independent.Best ?? Median(claims);
        int? low = figures.All(f => f.Low is not null) ? figures.Min(f => f.Low!.Value) : null;
        int? high = figures.All(f => f.High is not null) ? figures.Max(f => f.High!.Value) : null;
        return new CasualtyCount(low, best, high, Phrases(party, pick, independent.Phrase), "sources:all");
    }

    private static CasualtyCount? Combine(List<SourceReference> sources, Func<SourceReference, CasualtyCount?> pick, string rule = IndependentRuleName)
    {
        var known = sources.Where(s => pick(s)?.Best is not null).ToList();
        if (known.Count == 0)
            return null;
        var figures = known.Select(s => pick(s)!).ToList();
        if (figures.Count == 1)
            return figures[0];
        int? low = figures.All(f => f.Low is not null) ? figures.Min(f => f.Low!.Value) : null;
        int? high = figures.All(f => f.High is not null) ? figures.Max(f => f.High!.Value) : null;
        return new CasualtyCount(low, Median(figures), high, Phrases(known, pick, null), rule);
    }

    private static int Median(List<CasualtyCount> figures)
    {
        var bests = figures.Select(f => f.Best!.Value).Order().ToList();
        return bests[(bests.Count - 1) / 2];
    }

    private static string Phrases(IEnumerable<SourceReference> sources, Func<SourceReference, CasualtyCount?> pick, string? first)
    {
        var parts = sources.Where(s => pick(s)?.Best is not null)
            .Select(s => $"{s.Name ?? s.SourceKey ?? "a source"}: {pick(s)!.Phrase ?? pick(s)!.Best!.Value.ToString(CultureInfo.InvariantCulture)}");
        return string.Join(" | ", first is null ? parts : [first, .. parts]);
    }
}

using System.Globalization;
using Vigil.Domain.Claims;
using Vigil.Domain.Time;
using Vigil.Storage;

namespace Vigil.Statistics.Claims;

/// <summary>
/// Checks a claim against the incident data of a scope (its datasets, places, actors and kinds of event) and says
/// supported, contradicted or not checkable, with the numbers.
/// <para>Tolerance rules. Counts of incidents: the claimed number must lie within ±5% of the count (at least
/// ±1). Killed and injured: within the data's range — the sum of the low estimates to the sum of the high
/// ones — widened by 5% each way. "At least"/"more than" claims hold when the top of that band reaches the
/// number; "at most"/"less than" when its bottom does. Percent changes: within ±5 percentage points of the
/// change computed from best estimates. Records ("deadliest since July 2018"): no period in between was
/// higher; "one of the deadliest since" ranks among the top 3; "the second deadliest since" ranks exactly second. A
/// stated baseline ("up from 69 in September") is checked like the claim's own figure, for its period.</para>
/// <para>A figure for one group of the dead ("28 security personnel") is checked against that group's deaths in the
/// incidents' breakdowns (<see cref="VictimsCheck"/>), never against all the dead.</para>
/// <para>Not checkable rather than a guess: a period the scope's datasets do not cover wholly (no data, or only part
/// of it); a metric none of them records (UCDP records no injuries); a kind of event none of them codes; a zero
/// baseline for a percentage; a claimed number above the data when some incidents in scope have no figure (they
/// could make up the difference); a record when a period in between is not wholly covered and no covered period
/// already contradicts it.</para>
/// </summary>
public sealed class ClaimChecker(IIncidentStore store)
{
    public const double Tolerance = 0.05;
    public const double ChangeTolerancePoints = 5;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <param name="claim">The claim.</param>
    /// <param name="scope">The store query of the claim's scope (its datasets in order of precedence; a combined scope counts a linked event once).</param>
    /// <param name="coverage">What the scope's datasets cover for its kinds of event.</param>
    public ClaimCheck Check(Claim claim, IncidentQuery scope, Coverage coverage)
    {
        var periodQuery = Scopes.InPeriod(scope, claim.Period);
        var parts = new List<CheckPart>();

        if (coverage.Of(claim.Period) != CoverageState.Full)
        {
            parts.Add(NotCovered(Describe(claim), claim.Period, coverage));
            return new ClaimCheck(claim, Verdict.NotCheckable, parts, []);
        }
        if (claim.Scope.Victims is { } victims)
        {
            // A figure for some of the dead (security forces, militants, civilians) is checked against that group's
            // deaths as the incidents break them down, never against the total of all the dead.
            parts.Add(VictimsCheck.Check(store, claim, victims, periodQuery));
            return new ClaimCheck(claim, parts[0].Verdict, parts, store.QueryIds(periodQuery));
        }

        var figures = FiguresIn(scope, claim.Period);
        if (claim.Value is { } value)
            parts.Add(CheckValue(claim, value, figures, coverage));
        switch (claim.Comparison)
        {
            case ChangeComparison change:
                parts.Add(CheckChange(claim, change, scope, figures, coverage));
                break;
            case RecordComparison { Rank: > 1, OneOf: false } ranked:
                parts.Add(CheckRank(claim, ranked.Since, ranked.Rank, scope, coverage));
                break;
            case RecordComparison record:
                parts.Add(CheckRecord(claim, record.Since, record.OneOf, record.Top, scope, coverage, allTime: false));
                break;
            case AllTimeRecordComparison:
                parts.Add(CheckRecord(claim, Period.Containing(coverage.Bounds().First ?? claim.Period.Start, claim.Period.Unit), false, 1, scope, coverage, allTime: true));
                break;
        }
        if (claim.Baseline is { } baseline)
            parts.Add(CheckBaseline(claim, baseline, scope, coverage));
        return new ClaimCheck(claim, ClaimCheck.Combine(parts.Select(p => p.Verdict)), parts, store.QueryIds(periodQuery));
    }

    private CheckPart CheckValue(Claim claim, double claimed, Figures figures, Coverage coverage)
    {
        var metric = claim.Metric;
        var best = figures.Value(metric);
        var low = figures.Value(metric, Estimate.Low);
        var high = figures.Value(metric, Estimate.High);
        var unknown = figures.Unknown(metric);
        var what = $"{Noun(metric)} in {claim.Scope.Describe()}, {claim.Period.Name}";
        var claimedText = Qualified(claim.Qualifier, claimed);

        if (metric != ClaimMetric.Attacks && !coverage.Records(Noun(metric)))
        {
            return new CheckPart(what, Verdict.NotCheckable, claimedText, null, null, null, null, ToleranceText(metric),
                $"{Noun(metric)} is not recorded by {Titles(coverage)}: no figure to check against");
        }
        if (metric != ClaimMetric.Attacks && figures.Incidents > 0 && unknown == figures.Incidents)
        {
            return new CheckPart(what, Verdict.NotCheckable, claimedText, null, null, null, null, ToleranceText(metric),
                string.Create(Inv, $"none of the {figures.Incidents:N0} incidents in scope has a figure for {Noun(metric)} in these data"));
        }

        double bottom, top;
        if (metric == ClaimMetric.Attacks)
        {
            var margin = Math.Max(1, Tolerance * best);
            (bottom, top) = (best - margin, best + margin);
        }
        else
        {
            (bottom, top) = (low * (1 - Tolerance), high * (1 + Tolerance));
        }

        var holds = claim.Qualifier switch
        {
            ValueQualifier.AtLeast => top >= claimed,
            ValueQualifier.MoreThan => top > claimed,
            ValueQualifier.AtMost => bottom <= claimed,
            ValueQualifier.LessThan => bottom < claimed,
            _ => bottom <= claimed && claimed <= top,
        };
        var claimsMore = claimed > top;
        var verdict = holds ? Verdict.Supported
            : claimsMore && unknown > 0 ? Verdict.NotCheckable
            : Verdict.Contradicted;
        var range = metric == ClaimMetric.Attacks ? "" : string.Create(Inv, $" (range {low:N0}–{high:N0})");
        var explanation = string.Create(Inv, $"the data give {best:N0}{range} {Noun(metric)}; accepted band {bottom:N1}–{top:N1}");
        if (unknown > 0)
            explanation += string.Create(Inv, $"; {unknown:N0} of {figures.Incidents:N0} incidents have no figure");
        if (verdict == Verdict.NotCheckable)
            explanation += ", so a higher claimed number cannot be ruled out";
        return new CheckPart(what, verdict, claimedText, best, metric == ClaimMetric.Attacks ? null : low,
            metric == ClaimMetric.Attacks ? null : high, best - claimed, ToleranceText(metric), explanation);
    }

    private CheckPart CheckChange(Claim claim, ChangeComparison change, IncidentQuery scope, Figures figures, Coverage coverage)
    {
        var basePeriod = change.Against == ChangeBaseline.PreviousPeriod ? claim.Period.Previous() : claim.Period.YearBefore();
        var what = $"change in {Noun(claim.Metric)} from {basePeriod.Name} to {claim.Period.Name}";
        var claimedText = string.Create(Inv, $"{change.Percent:+0.#;-0.#;0}%");
        const string tolerance = "±5 percentage points of the change in best estimates";
        if (coverage.Of(basePeriod) != CoverageState.Full)
            return NotCovered(what, basePeriod, coverage) with { Claimed = claimedText, Tolerance = tolerance };
        if (claim.Metric != ClaimMetric.Attacks && !coverage.Records(Noun(claim.Metric)))
        {
            return new CheckPart(what, Verdict.NotCheckable, claimedText, null, null, null, null, tolerance,
                $"{Noun(claim.Metric)} is not recorded by {Titles(coverage)}: no figure to check against");
        }
        var current = figures.Value(claim.Metric);
        var baseline = FiguresIn(scope, basePeriod).Value(claim.Metric);
        if (baseline == 0)
        {
            return new CheckPart(what, Verdict.NotCheckable, claimedText, null, null, null, null, tolerance,
                string.Create(Inv, $"{basePeriod.Name} has 0 {Noun(claim.Metric)}: no percentage from a zero baseline"));
        }
        var percent = Math.Round(100.0 * (current - baseline) / baseline, 1);
        var difference = Math.Round(percent - change.Percent, 1);
        var verdict = Math.Abs(difference) <= ChangeTolerancePoints ? Verdict.Supported : Verdict.Contradicted;
        return new CheckPart(what, verdict, claimedText, percent, null, null, difference, tolerance,
            string.Create(Inv, $"{baseline:N0} in {basePeriod.Name}, {current:N0} in {claim.Period.Name}: {percent:+0.0;-0.0;0.0}%"));
    }

    /// <summary>"up from 69 in September": the baseline is a statistic too, checked by the same rule as the claim's figure.</summary>
    private CheckPart CheckBaseline(Claim claim, StatedBaseline baseline, IncidentQuery scope, Coverage coverage)
    {
        var stated = claim with { Period = baseline.Period, Value = baseline.Value, Qualifier = baseline.Qualifier, Comparison = null, Baseline = null };
        var part = coverage.Of(baseline.Period) != CoverageState.Full
            ? NotCovered(Describe(stated), baseline.Period, coverage) with { Claimed = Qualified(baseline.Qualifier, baseline.Value), Tolerance = ToleranceText(claim.Metric) }
            : CheckValue(stated, baseline.Value, FiguresIn(scope, baseline.Period), coverage);
        return part with { What = "baseline: " + part.What };
    }

    /// <summary>
    /// "the second deadliest month since July 2018": the claim's period ranks exactly there among the periods after the
    /// start. A period not wholly covered could only push the rank down, so it leaves a rank that fits open, and
    /// contradicts nothing the covered periods already contradict.
    /// </summary>
    private CheckPart CheckRank(Claim claim, Period since, int rank, IncidentQuery scope, Coverage coverage)
    {
        var unit = claim.Period.Unit;
        since = Period.Containing(since.Start, unit);
        var what = string.Create(Inv, $"the {Ordinal(rank)} highest {Period.UnitName(unit)} for {Noun(claim.Metric)} after {since.Name}");
        const string tolerance = "exact: compares best estimates period by period (ties share a rank)";
        var claimed = string.Create(Inv, $"rank {rank}");
        if (claim.Metric != ClaimMetric.Attacks && !coverage.Records(Noun(claim.Metric)))
        {
            return new CheckPart(what, Verdict.NotCheckable, claimed, null, null, null, null, tolerance,
                $"{Noun(claim.Metric)} is not recorded by {Titles(coverage)}: no figure to check against");
        }
        var series = SeriesBuilder.Build(store, new SeriesRequest(scope with { From = since.Next().Start, To = claim.Period.End }, unit, Coverage: coverage));
        var current = series.At(claim.Period).Value(claim.Metric);
        var earlier = series.Periods().Where(p => p.CompareTo(since) > 0 && p.CompareTo(claim.Period) < 0)
            .Select(p => (Period: p, Value: series.At(p).Value(claim.Metric), State: series.State(p)))
            .ToList();
        var higher = earlier.Where(v => v.Value > current).ToList();
        var actual = 1 + higher.Count;
        var open = earlier.Where(v => v.State != CoverageState.Full).Select(v => v.Period).ToList();
        var gaps = open.Count == 0 ? ""
            : string.Create(Inv, $"; {open.Count} {Period.UnitName(unit)}(s) in between are not wholly covered ({Periods(open)})");
        var verdict = actual > rank ? Verdict.Contradicted
            : open.Count > 0 ? Verdict.NotCheckable
            : actual == rank ? Verdict.Supported
            : Verdict.Contradicted;
        var above = higher.Count == 0 ? "none was higher"
            : string.Join(", ", higher.OrderByDescending(v => v.Value).Take(4).Select(v => string.Create(Inv, $"{v.Period.Name} ({v.Value:N0})"))) + (higher.Count > 4 ? " …" : "") + " were higher";
        return new CheckPart(what, verdict, claimed, actual, null, null, actual - rank, tolerance,
            string.Create(Inv, $"{claim.Period.Name} ({current:N0}) ranks {actual} of {earlier.Count + 1} {Period.UnitName(unit)}s after {since.Name}: {above}{gaps}"));
    }

    private static string Ordinal(int n) => n switch
    {
        2 => "second",
        3 => "third",
        4 => "fourth",
        5 => "fifth",
        _ => string.Create(Inv, $"{n}th"),
    };

    private CheckPart CheckRecord(Claim claim, Period since, bool oneOf, int top, IncidentQuery scope, Coverage coverage, bool allTime)
    {
        var unit = claim.Period.Unit;
        since = Period.Containing(since.Start, unit);
        var what = allTime ? $"the highest {Period.UnitName(unit)} for {Noun(claim.Metric)} since records began ({since.Name})"
            : oneOf ? $"one of the {top} highest {Period.UnitName(unit)}s for {Noun(claim.Metric)} since {since.Name}"
            : $"the highest {Period.UnitName(unit)} for {Noun(claim.Metric)} since {since.Name}";
        const string tolerance = "exact: compares best estimates period by period";
        if (!allTime && coverage.Of(since) != CoverageState.Full)
            return NotCovered(what, since, coverage) with { Claimed = "record", Tolerance = tolerance };
        if (claim.Metric != ClaimMetric.Attacks && !coverage.Records(Noun(claim.Metric)))
        {
            return new CheckPart(what, Verdict.NotCheckable, "record", null, null, null, null, tolerance,
                $"{Noun(claim.Metric)} is not recorded by {Titles(coverage)}: no figure to check against");
        }

        var series = SeriesBuilder.Build(store, new SeriesRequest(scope with { From = since.Start, To = claim.Period.End }, unit, Coverage: coverage));
        var current = series.At(claim.Period).Value(claim.Metric);
        // Every period before the claim's, with how far it is covered. A partly covered period's figure is a floor
        // (more may have happened): above the claim's, it contradicts it; otherwise it leaves the claim open. A period
        // nothing covers is left open too, except before the claim in an all-time record, whose "records" are the covered ones.
        var earlier = series.Periods().Where(p => p.CompareTo(claim.Period) < 0)
            .Select(p => (Period: p, Value: series.At(p).Value(claim.Metric), State: series.State(p)))
            .Where(v => !(allTime && v.State == CoverageState.None))
            .ToList();
        var open = earlier.Skip(allTime || oneOf ? 0 : 1).Where(v => v.State != CoverageState.Full).Select(v => v.Period).ToList();
        var gaps = open.Count == 0 ? ""
            : string.Create(Inv, $"; {open.Count} {Period.UnitName(unit)}(s) in between are not wholly covered ({Periods(open)})");
        if (oneOf)
        {
            var rank = 1 + earlier.Count(v => v.Value > current);
            var verdict = rank > top ? Verdict.Contradicted : open.Count > 0 ? Verdict.NotCheckable : Verdict.Supported;
            return new CheckPart(what, verdict, $"top {top}", rank, null, null, null, tolerance,
                string.Create(Inv, $"{claim.Period.Name} ({current:N0}) ranks {rank} of {earlier.Count + 1} {Period.UnitName(unit)}s from {since.Name}{gaps}"));
        }
        // "Since July 2018" speaks of the periods after July 2018; since records began, of all of them.
        var between = earlier.Skip(allTime ? 0 : 1).Where(v => v.Value > current).ToList();
        if (between.Count > 0)
        {
            var highest = between.MaxBy(v => v.Value);
            return new CheckPart(what, Verdict.Contradicted, "record", current, null, null, null, tolerance,
                string.Create(Inv, $"{highest.Period.Name} had {highest.Value:N0}, more than {claim.Period.Name}'s {current:N0} ({between.Count} {Period.UnitName(unit)}s in between were higher)"));
        }
        if (open.Count > 0)
        {
            return new CheckPart(what, Verdict.NotCheckable, "record", current, null, null, null, tolerance,
                string.Create(Inv, $"no covered {Period.UnitName(unit)} after {since.Name} was higher than {claim.Period.Name}'s {current:N0}{gaps}, so a higher one cannot be ruled out"));
        }
        var startValue = earlier.Count > 0 ? earlier[0].Value : current;
        return new CheckPart(what, Verdict.Supported, "record", current, null, null, null, tolerance,
            string.Create(Inv, $"no {Period.UnitName(unit)} after {since.Name} was higher than {claim.Period.Name}'s {current:N0}; {since.Name} had {startValue:N0}"));
    }

    private static string Periods(IReadOnlyList<Period> periods) =>
        periods.Count <= 4 ? string.Join(", ", periods.Select(p => p.Name)) : $"{periods[0].Name} … {periods[^1].Name}";

    private static string Titles(Coverage coverage) => coverage.Datasets.Count == 0
        ? "the datasets in scope"
        : string.Join(" + ", coverage.Datasets.Select(d => d.Title));

    private Figures FiguresIn(IncidentQuery scope, Period period) =>
        store.AggregateDaily(Scopes.InPeriod(scope, period), GroupBy.None).Aggregate(Figures.Zero, (sum, d) => sum.Add(Figures.Of(d)));

    /// <summary>Why a period cannot be checked: nothing in scope covers it, or only part of it.</summary>
    private static CheckPart NotCovered(string what, Period period, Coverage coverage)
    {
        var notes = coverage.Notes.Count > 0 ? "; " + string.Join("; ", coverage.Notes) : "";
        var reason = coverage.Datasets.Count == 0
            ? $"no dataset in scope codes the kinds of event or covers the countries asked for{notes}"
            : coverage.Spans.Count == 0 && coverage.Bounds().First is null
            ? $"{Titles(coverage)} cover no period in full: records that are not comprehensive (such as the team's own) leave every period partial until an analyst declares the span they cover (vigil datasets edit){notes}"
            : coverage.Of(period) == CoverageState.None
                ? $"no data: {Titles(coverage)} cover {coverage.Describe()}; {period.Name} is outside them{notes}"
                : $"{Titles(coverage)} cover only part of {period.Name} (they cover {coverage.Describe()}): its figures would be partial{notes}";
        return new(what, Verdict.NotCheckable, "", null, null, null, null, "", reason);
    }

    internal static string Describe(Claim claim) => $"{Noun(claim.Metric)} in {claim.Scope.Describe()}, {claim.Period.Name}";

    internal static string ToleranceText(ClaimMetric metric) => metric == ClaimMetric.Attacks
        ? "±5% of the count (at least ±1)"
        : "within the data's low–high range, widened by 5%";

    private static string Noun(ClaimMetric metric) => metric switch
    {
        ClaimMetric.Attacks => "incidents",
        ClaimMetric.Killed => "killed",
        _ => "injured",
    };

    internal static string Qualified(ValueQualifier qualifier, double value)
    {
        var number = value.ToString("#,0.##", Inv);
        return qualifier switch
        {
            ValueQualifier.About => "about " + number,
            ValueQualifier.AtLeast => "at least " + number,
            ValueQualifier.MoreThan => "more than " + number,
            ValueQualifier.AtMost => "at most " + number,
            ValueQualifier.LessThan => "less than " + number,
            _ => number,
        };
    }
}

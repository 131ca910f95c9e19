using System.Globalization;
using Vigil.Domain.Claims;
using Vigil.Domain.Time;
using Vigil.Storage;

namespace Vigil.Statistics.Claims;

/// <summary>
/// Checks a claim against the incident data and says supported, contradicted or not checkable, with the
/// numbers.
/// <para>Tolerance rules. Counts of incidents: the claimed number must lie within ±5% of the count (at least
/// ±1). Killed and injured: within the data's range — the sum of the low estimates to the sum of the high
/// ones — widened by 5% each way. "At least"/"more than" claims hold when the top of that band reaches the
/// number; "at most"/"less than" when its bottom does. Percent changes: within ±5 percentage points of the
/// change computed from best estimates. Records ("deadliest since July 2018"): no period in between was
/// higher; "one of the deadliest since" ranks among the top 3.</para>
/// <para>Not checkable rather than a guess: a period outside the data's coverage; a zero baseline for a
/// percentage; a claimed number above the data when some incidents in scope have no figure (they could
/// make up the difference); no figure at all for the metric in scope (UCDP records no injuries).</para>
/// </summary>
public sealed class ClaimChecker(IIncidentStore store, Scopes scopes)
{
    public const double Tolerance = 0.05;
    public const double ChangeTolerancePoints = 5;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public ClaimCheck Check(Claim claim)
    {
        var scope = scopes.ToQuery(claim.Scope);
        var coverage = Coverage(scope);
        var periodQuery = Scopes.InPeriod(scope, claim.Period);
        var parts = new List<CheckPart>();

        if (!coverage.Covers(claim.Period))
        {
            parts.Add(NotCovered(Describe(claim), claim.Period, coverage));
            return new ClaimCheck(claim, Verdict.NotCheckable, parts, []);
        }

        var figures = FiguresIn(scope, claim.Period);
        if (claim.Value is { } value)
            parts.Add(CheckValue(claim, value, figures));
        switch (claim.Comparison)
        {
            case ChangeComparison change:
                parts.Add(CheckChange(claim, change, scope, figures, coverage));
                break;
            case RecordComparison record:
                parts.Add(CheckRecord(claim, record.Since, record.OneOf, record.Top, scope, coverage, allTime: false));
                break;
            case AllTimeRecordComparison:
                parts.Add(CheckRecord(claim, coverage.FirstPeriod(claim.Period.Unit), false, 1, scope, coverage, allTime: true));
                break;
        }
        return new ClaimCheck(claim, ClaimCheck.Combine(parts.Select(p => p.Verdict)), parts, store.QueryIds(periodQuery));
    }

    private CheckPart CheckValue(Claim claim, double claimed, Figures figures)
    {
        var metric = claim.Metric;
        var best = figures.Value(metric);
        var low = figures.Value(metric, Estimate.Low);
        var high = figures.Value(metric, Estimate.High);
        var unknown = figures.Unknown(metric);
        var what = $"{Noun(metric)} in {claim.Scope.Describe()}, {claim.Period.Name}";
        var claimedText = Qualified(claim.Qualifier, claimed);

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
        if (!coverage.Covers(basePeriod))
            return NotCovered(what, basePeriod, coverage) with { Claimed = claimedText, Tolerance = tolerance };
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

    private CheckPart CheckRecord(Claim claim, Period since, bool oneOf, int top, IncidentQuery scope, Coverage coverage, bool allTime)
    {
        var unit = claim.Period.Unit;
        since = Period.Containing(since.Start, unit);
        var what = allTime ? $"the highest {Period.UnitName(unit)} for {Noun(claim.Metric)} since records began ({since.Name})"
            : oneOf ? $"one of the {top} highest {Period.UnitName(unit)}s for {Noun(claim.Metric)} since {since.Name}"
            : $"the highest {Period.UnitName(unit)} for {Noun(claim.Metric)} since {since.Name}";
        const string tolerance = "exact: compares best estimates period by period";
        if (!allTime && !coverage.Covers(since))
            return NotCovered(what, since, coverage) with { Claimed = "record", Tolerance = tolerance };

        var series = SeriesBuilder.Build(store, new SeriesRequest(scope with { From = since.Start, To = claim.Period.End }, unit));
        var values = series.Periods().Select(p => (Period: p, Value: series.At(p).Value(claim.Metric))).ToList();
        var current = values[^1].Value;
        var earlier = values.Take(values.Count - 1).ToList();
        if (oneOf)
        {
            var rank = 1 + earlier.Count(v => v.Value > current);
            var verdict = rank <= top ? Verdict.Supported : Verdict.Contradicted;
            return new CheckPart(what, verdict, $"top {top}", rank, null, null, null, tolerance,
                string.Create(Inv, $"{claim.Period.Name} ({current:N0}) ranks {rank} of {values.Count} {Period.UnitName(unit)}s from {since.Name}"));
        }
        // "Since July 2018" speaks of the periods after July 2018; since records began, of all of them.
        var between = earlier.Skip(allTime ? 0 : 1).Where(v => v.Value > current).ToList();
        if (between.Count > 0)
        {
            var highest = between.MaxBy(v => v.Value);
            return new CheckPart(what, Verdict.Contradicted, "record", current, null, null, null, tolerance,
                string.Create(Inv, $"{highest.Period.Name} had {highest.Value:N0}, more than {claim.Period.Name}'s {current:N0} ({between.Count} {Period.UnitName(unit)}s in between were higher)"));
        }
        var start = earlier.Count > 0 ? earlier[0] : values[0];
        return new CheckPart(what, Verdict.Supported, "record", current, null, null, null, tolerance,
            string.Create(Inv, $"no {Period.UnitName(unit)} after {since.Name} was higher than {claim.Period.Name}'s {current:N0}; {since.Name} had {start.Value:N0}"));
    }

    private Figures FiguresIn(IncidentQuery scope, Period period) =>
        store.AggregateDaily(Scopes.InPeriod(scope, period), GroupBy.None).Aggregate(Figures.Zero, (sum, d) => sum.Add(Figures.Of(d)));

    /// <summary>The dates the data cover for the claim's country: all incidents there, whatever the rest of the scope.</summary>
    private Coverage Coverage(IncidentQuery scope)
    {
        var country = new IncidentQuery { Countries = scope.Countries };
        var (first, last) = store.DateRange(country);
        var datasets = store.Aggregate(country, GroupBy.Dataset).Select(r => r.Key ?? "entered by hand").ToList();
        return new Coverage(first, last, datasets);
    }

    private static CheckPart NotCovered(string what, Period period, Coverage coverage) =>
        new(what, Verdict.NotCheckable, "", null, null, null, null, "",
            coverage.First is null
                ? "there are no incidents for this country in the database"
                : string.Create(Inv, $"the data ({string.Join(", ", coverage.Datasets)}) cover {coverage.First:yyyy-MM-dd} to {coverage.Last:yyyy-MM-dd}; {period.Name} is outside them"));

    private static string Describe(Claim claim) => $"{Noun(claim.Metric)} in {claim.Scope.Describe()}, {claim.Period.Name}";

    private static string ToleranceText(ClaimMetric metric) => metric == ClaimMetric.Attacks
        ? "±5% of the count (at least ±1)"
        : "within the data's low–high range, widened by 5%";

    private static string Noun(ClaimMetric metric) => metric switch
    {
        ClaimMetric.Attacks => "incidents",
        ClaimMetric.Killed => "killed",
        _ => "injured",
    };

    private static string Qualified(ValueQualifier qualifier, double value)
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

/// <summary>The span of dates the data hold for a country; a period is covered when it lies wholly inside.</summary>
internal sealed record Coverage(DateOnly? First, DateOnly? Last, IReadOnlyList<string> Datasets)
{
    public bool Covers(Period period) => First is { } f && Last is { } l && period.Start >= f && period.End <= l;

    public Period FirstPeriod(PeriodUnit unit) => Period.Containing(First ?? DateOnly.MinValue, unit);
}

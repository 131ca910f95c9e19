namespace Vigil.Storage;

/// <summary>A dimension incidents can be grouped by.</summary>
public enum GroupBy
{
    /// <summary>Everything in one group (key null).</summary>
    None,
    /// <summary>Calendar month of the start date, key "YYYY-MM".</summary>
    Month,
    /// <summary>Calendar year of the start date, key "YYYY".</summary>
    Year,
    Province,
    District,
    Perpetrator,
    EventType,
    Dataset,
    Country,
    TargetType,
    /// <summary>The event category (militant-attack, security-operation, armed-clash, other).</summary>
    Category,
    /// <summary>The non-state party, whatever its role: an attack's perpetrator, a clash's or an operation's armed group.</summary>
    Group,
}

/// <summary>
/// One group's figures. Sums add best estimates; an incident whose best estimate is unknown adds nothing
/// to the sum and is counted in <c>...Unknown</c> instead, so the reader can see how complete a sum is.
/// </summary>
public sealed record AggregateRow(
    string? Key,
    long Incidents,
    long KilledBest,
    long KilledUnknown,
    long InjuredBest,
    long InjuredUnknown);

/// <summary>
/// One day's figures (by start date) for one breakdown key. Killed and injured are summed three ways:
/// lows, best estimates and highs; where a source gives only a best figure it stands for its low and high
/// too. Incidents whose best figure is unknown add nothing and are counted in <c>...Unknown</c>.
/// </summary>
public sealed record DailyAggregate(
    DateOnly Day,
    string? Key,
    long Incidents,
    long KilledLow,
    long KilledBest,
    long KilledHigh,
    long KilledUnknown,
    long InjuredLow,
    long InjuredBest,
    long InjuredHigh,
    long InjuredUnknown);

namespace Vigil.Accountability.Border;

/// <summary>
/// One closure of a crossing: from <see cref="Start"/> to <see cref="End"/>, both inclusive (the day before
/// the crossing reopened or was partially reopened). <see cref="End"/> is null while it is still closed;
/// <see cref="Days"/> then counts up to today.
/// </summary>
public sealed record ClosureEpisode(string CrossingKey, DateOnly Start, DateOnly? End, int Days, string? Reason)
{
    public bool Ongoing => End is null;

    /// <summary>The last closed day as of <paramref name="today"/> (today itself for an ongoing closure).</summary>
    public DateOnly LastDay(DateOnly today) => End ?? today;

    /// <summary>Closed days that fall between <paramref name="from"/> and <paramref name="to"/> (inclusive), counting up to today.</summary>
    public int DaysWithin(DateOnly from, DateOnly to, DateOnly today)
    {
        var start = Start > from ? Start : from;
        var last = LastDay(today);
        var end = last < to ? last : to;
        return end < start ? 0 : end.DayNumber - start.DayNumber + 1;
    }
}

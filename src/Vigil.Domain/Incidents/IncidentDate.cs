namespace Vigil.Domain.Incidents;

/// <summary>
/// When an incident happened: <see cref="Start"/> and <see cref="End"/> are both inclusive days, with the
/// precision the source gives. A single-day incident has <c>Start == End</c>. Statistics count an incident
/// by its start date unless they say otherwise.
/// </summary>
public sealed record IncidentDate
{
    /// <summary>Earliest date Vigil accepts; anything before is treated as a typo (year 0025 and the like).</summary>
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    /// <summary>Latest date Vigil accepts.</summary>
    public static readonly DateOnly Latest = new(2100, 12, 31);

    public IncidentDate(DateOnly start, DateOnly end, DatePrecision precision)
    {
        if (Problem(start, end) is { } problem)
            throw new ArgumentOutOfRangeException(nameof(start), problem);
        Start = start;
        End = end;
        Precision = precision;
    }

    public DateOnly Start { get; }
    public DateOnly End { get; }
    public DatePrecision Precision { get; }

    public bool IsMultiDay => End > Start;

    public static IncidentDate OnDay(DateOnly day) => new(day, day, DatePrecision.Day);

    /// <summary>The whole month, precision <see cref="DatePrecision.Month"/>.</summary>
    public static IncidentDate InMonth(int year, int month)
    {
        var start = new DateOnly(year, month, 1);
        return new IncidentDate(start, start.AddMonths(1).AddDays(-1), DatePrecision.Month);
    }

    /// <summary>The whole year, precision <see cref="DatePrecision.Year"/>.</summary>
    public static IncidentDate InYear(int year) =>
        new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), DatePrecision.Year);

    /// <summary>Why a start/end pair is not acceptable, or null when it is.</summary>
    public static string? Problem(DateOnly start, DateOnly end)
    {
        if (start < Earliest || start > Latest)
            return $"date {start:yyyy-MM-dd} is outside {Earliest:yyyy}–{Latest:yyyy}";
        if (end < Earliest || end > Latest)
            return $"end date {end:yyyy-MM-dd} is outside {Earliest:yyyy}–{Latest:yyyy}";
        if (end < start)
            return $"end date {end:yyyy-MM-dd} is before start date {start:yyyy-MM-dd}";
        return null;
    }
}

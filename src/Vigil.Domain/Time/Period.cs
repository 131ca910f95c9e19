using System.Globalization;
using Vigil.Domain.Text;

namespace Vigil.Domain.Time;

/// <summary>
/// One calendar period: a day, an ISO week, a month, a quarter, a half-year or a year, from <see cref="Start"/> to
/// <see cref="End"/> inclusive. Labels: 2021-12-05, 2021-W48, 2021-12, 2021-Q4, 2021-H2, 2021.
/// </summary>
public readonly record struct Period : IComparable<Period>
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private Period(PeriodUnit unit, DateOnly start)
    {
        Unit = unit;
        Start = start;
    }

    public PeriodUnit Unit { get; }
    public DateOnly Start { get; }

    public DateOnly End => Next().Start.AddDays(-1);

    /// <summary>The period of the given unit that contains a day.</summary>
    public static Period Containing(DateOnly day, PeriodUnit unit) => unit switch
    {
        PeriodUnit.Day => new(unit, day),
        PeriodUnit.Week => new(unit, day.AddDays(-(((int)day.DayOfWeek + 6) % 7))),
        PeriodUnit.Month => new(unit, new DateOnly(day.Year, day.Month, 1)),
        PeriodUnit.Quarter => new(unit, new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1)),
        PeriodUnit.HalfYear => new(unit, new DateOnly(day.Year, day.Month <= 6 ? 1 : 7, 1)),
        PeriodUnit.Year => new(unit, new DateOnly(day.Year, 1, 1)),
        _ => throw new ArgumentOutOfRangeException(nameof(unit)),
    };

    public Period Next() => Shift(1);

    public Period Previous() => Shift(-1);

    /// <summary>The same period a year before (the same month, quarter, ISO week number or day).</summary>
    public Period YearBefore() => Unit switch
    {
        PeriodUnit.Week => FromIsoWeek(ISOWeek.GetYear(Start.ToDateTime(TimeOnly.MinValue)) - 1,
            Math.Min(ISOWeek.GetWeekOfYear(Start.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeeksInYear(ISOWeek.GetYear(Start.ToDateTime(TimeOnly.MinValue)) - 1))),
        _ => Containing(Start.AddYears(-1), Unit),
    };

    public Period Shift(int count) => Unit switch
    {
        PeriodUnit.Day => new(Unit, Start.AddDays(count)),
        PeriodUnit.Week => new(Unit, Start.AddDays(7 * count)),
        PeriodUnit.Month => new(Unit, Start.AddMonths(count)),
        PeriodUnit.Quarter => new(Unit, Start.AddMonths(3 * count)),
        PeriodUnit.HalfYear => new(Unit, Start.AddMonths(6 * count)),
        PeriodUnit.Year => new(Unit, Start.AddYears(count)),
        _ => throw new InvalidOperationException(),
    };

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    public string Label => Unit switch
    {
        PeriodUnit.Day => Start.ToString("yyyy-MM-dd", Inv),
        PeriodUnit.Week => string.Create(Inv, $"{ISOWeek.GetYear(Start.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(Start.ToDateTime(TimeOnly.MinValue)):00}"),
        PeriodUnit.Month => Start.ToString("yyyy-MM", Inv),
        PeriodUnit.Quarter => string.Create(Inv, $"{Start.Year}-Q{(Start.Month - 1) / 3 + 1}"),
        PeriodUnit.HalfYear => string.Create(Inv, $"{Start.Year}-H{(Start.Month <= 6 ? 1 : 2)}"),
        _ => Start.Year.ToString(Inv),
    };

    /// <summary>How a reader says it: "December 2021", "Q4 2021", "the second half of 2021", "2021", "the week of 29 November 2021", "5 December 2021".</summary>
    public string Name => Unit switch
    {
        PeriodUnit.Day => Start.ToString("d MMMM yyyy", Inv),
        PeriodUnit.Week => "the week of " + Start.ToString("d MMMM yyyy", Inv),
        PeriodUnit.Month => Start.ToString("MMMM yyyy", Inv),
        PeriodUnit.Quarter => string.Create(Inv, $"Q{(Start.Month - 1) / 3 + 1} {Start.Year}"),
        PeriodUnit.HalfYear => string.Create(Inv, $"{(Start.Month <= 6 ? "the first" : "the second")} half of {Start.Year}"),
        _ => Start.Year.ToString(Inv),
    };

    /// <summary>Reads a label in any of the forms of <see cref="Label"/>.</summary>
    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        text = text.Trim();
        // Every form starts with the year: one outside the calendar Vigil computes on is refused here, before
        // any arithmetic on it (ISO weeks of year 0, the month after 9999-12).
        if (text.Length < 4 || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, Inv, out var leadingYear) || !DateBounds.ContainsYear(leadingYear))
            return false;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var day))
            period = Containing(day, PeriodUnit.Day);
        else if (DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", Inv, DateTimeStyles.None, out var month))
            period = Containing(month, PeriodUnit.Month);
        else if (text.Length == 7 && text[4] == '-' && text[5] is 'Q' or 'q' && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, Inv, out var qy) && text[6] is >= '1' and <= '4')
            period = new Period(PeriodUnit.Quarter, new DateOnly(qy, (text[6] - '1') * 3 + 1, 1));
        else if (text.Length == 7 && text[4] == '-' && text[5] is 'H' or 'h' && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, Inv, out var hy) && text[6] is '1' or '2')
            period = new Period(PeriodUnit.HalfYear, new DateOnly(hy, text[6] == '1' ? 1 : 7, 1));
        else if (text.Length == 8 && text[4] == '-' && text[5] is 'W' or 'w' && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, Inv, out var wy)
                 && int.TryParse(text.AsSpan(6, 2), NumberStyles.None, Inv, out var week) && week >= 1 && week <= ISOWeek.GetWeeksInYear(wy))
            period = FromIsoWeek(wy, week);
        else if (text.Length == 4 && int.TryParse(text, NumberStyles.None, Inv, out var year) && year >= 1)
            period = new Period(PeriodUnit.Year, new DateOnly(year, 1, 1));
        else
            return false;
        return true;
    }

    public static Period Parse(string text) =>
        TryParse(text, out var period) ? period : throw new FormatException($"'{text}' is not a period (YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY)");

    private static Period FromIsoWeek(int year, int week) =>
        new(PeriodUnit.Week, DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday)));

    public int CompareTo(Period other) => Start.CompareTo(other.Start);

    public override string ToString() => Label;

    public static string UnitName(PeriodUnit unit) => EnumText<PeriodUnit>.Format(unit);
}

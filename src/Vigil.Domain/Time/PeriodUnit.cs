namespace Vigil.Domain.Time;

/// <summary>The calendar units statistics are counted in. Weeks are ISO weeks (Monday to Sunday).</summary>
public enum PeriodUnit
{
    Day,
    Week,
    Month,
    Quarter,
    /// <summary>January–June or July–December: the "first half of 2023" of half-year reports.</summary>
    HalfYear,
    Year,
}

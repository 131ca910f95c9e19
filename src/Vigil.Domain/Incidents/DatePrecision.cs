namespace Vigil.Domain.Incidents;

/// <summary>How precisely the source knows when an incident happened.</summary>
public enum DatePrecision
{
    /// <summary>The exact day.</summary>
    Day,
    /// <summary>Within a few days (UCDP date_prec 2: 2–6 days).</summary>
    Week,
    /// <summary>Only the month is known.</summary>
    Month,
    /// <summary>Only the year is known.</summary>
    Year,
    /// <summary>Somewhere in a span longer than a year, or a span the source gives without more precision.</summary>
    Range,
}

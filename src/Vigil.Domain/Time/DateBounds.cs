using Vigil.Domain.Incidents;

namespace Vigil.Domain.Time;

/// <summary>
/// The calendar Vigil computes on: the dates an incident may have (<see cref="IncidentDate.Earliest"/> to
/// <see cref="IncidentDate.Latest"/>). Filters and periods outside it are refused where they are parsed,
/// so that no period arithmetic (the week before 0001-01-01, the month after 9999-12) can overflow.
/// </summary>
public static class DateBounds
{
    public static DateOnly Earliest => IncidentDate.Earliest;

    public static DateOnly Latest => IncidentDate.Latest;

    /// <summary>"between 1900-01-01 and 2100-12-31", for error messages.</summary>
    public static string Text => $"between {Earliest:yyyy-MM-dd} and {Latest:yyyy-MM-dd}";

    public static bool Contains(DateOnly day) => day >= Earliest && day <= Latest;

    public static bool ContainsYear(int year) => year >= Earliest.Year && year <= Latest.Year;
}

using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;

namespace Vigil.Application.Incidents;

/// <summary>
/// The one future-date check of every write path (imports, creating and editing incidents, accepting reports):
/// the adapter states how many days past today its host allows, the use case refuses a later date
/// (<see cref="FutureDates"/>) before anything is written.
/// </summary>
public sealed record DateLimit(DateOnly Latest)
{
    /// <summary>The limit <paramref name="daysAllowed"/> days past today, today from <paramref name="clock"/>.</summary>
    public static DateLimit From(TimeProvider clock, int daysAllowed) => new(FutureDates.Latest(clock, daysAllowed));

    /// <summary>
    /// Returns <paramref name="incident"/> when its dates are not past <see cref="Latest"/>; otherwise throws a
    /// <see cref="FieldException"/> naming <c>date_start</c> or <c>date_end</c> (or <paramref name="field"/> when given).
    /// </summary>
    public Incident Check(Incident incident, string? field = null) =>
        FutureDates.Problem(incident.Date, Latest) is { } problem ? throw new FieldException(field ?? problem.Field, problem.Problem) : incident;
}

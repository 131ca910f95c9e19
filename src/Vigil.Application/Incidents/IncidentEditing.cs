using Vigil.Domain.Incidents;
using Vigil.Domain.Revisions;
using Vigil.Storage;

namespace Vigil.Application.Incidents;

/// <summary>
/// Writing one incident by hand, for <c>POST</c> and <c>PUT /api/v1/incidents</c> and the dashboard's edit form.
/// Every write is checked against <paramref name="limit"/> (no date past it) before the store is touched; an edit is
/// one read and one write (in one transaction, checked against the revision the editor loaded), the protected
/// fields kept (<see cref="ProtectedFields"/>).
/// </summary>
public sealed class IncidentEditing(IIncidentStore store, DateLimit limit)
{
    /// <summary>Stores a new incident; returns it as written.</summary>
    /// <exception cref="Domain.Errors.FieldException">It is dated past the limit.</exception>
    public Incident Create(Incident incident, ChangeContext context) => store.Create(limit.Check(incident), context);

    /// <summary>Replaces the incident's values by <paramref name="replacement"/>'s; returns it as written.</summary>
    /// <exception cref="Domain.Errors.FieldException">The replacement is dated past the limit.</exception>
    /// <exception cref="Domain.Errors.NotFoundException">No live incident with this id.</exception>
    /// <exception cref="Domain.Errors.ConcurrencyException">It is no longer at <paramref name="expectedRevision"/>.</exception>
    public Incident Replace(long id, int expectedRevision, Incident replacement, ChangeContext context)
    {
        limit.Check(replacement);
        return store.Update(id, expectedRevision, context, current => ProtectedFields.Keep(current, replacement));
    }

    /// <summary>Applies an edit to the current values (the dashboard's changed fields); returns the incident as written.</summary>
    public Incident Edit(long id, int expectedRevision, Func<Incident, Incident> edit, ChangeContext context) =>
        store.Update(id, expectedRevision, context, current => ProtectedFields.Keep(current, limit.Check(edit(current))));
}

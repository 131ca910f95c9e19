using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;
using Vigil.Domain.Revisions;
using Vigil.Domain.Text;

namespace Vigil.Storage.Relational;

/// <summary>Creating, editing and deleting incidents, each change a revision, inside one transaction with the rollup and the data version.</summary>
public partial class RelationalIncidentStore
{
    public Incident Create(Incident incident, ChangeContext context)
    {
        using var tx = Connection.BeginTransaction();
        var created = Create(tx, incident, context);
        tx.Commit();
        return created;
    }

    /// <summary>Creates an incident inside the caller's transaction (which the caller commits), for changes that must land together.</summary>
    public Incident Create(DbTransaction tx, Incident incident, ChangeContext context)
    {
        var now = Clock.GetUtcNow();
        using var writer = new IncidentWriter(Connection, tx, Dialect);
        var created = SourceLookup.Load(Connection, tx).Prepare(
            incident with { Id = 0, Revision = 1, CreatedAt = now, UpdatedAt = now, DeletedAt = null });
        long id;
        try
        {
            id = writer.Insert(created, context, null);
        }
        catch (DbException e) when (Dialect.IsUniqueViolation(e))
        {
            throw new VigilException($"an incident from {incident.SourceRecord} already exists");
        }
        var rollup = new MonthlyRollup();
        rollup.Add(created);
        rollup.Flush(Connection, tx, Dialect);
        BumpDataVersion(tx);
        return created with { Id = id };
    }

    public Incident Update(Incident incident, int expectedRevision, ChangeContext context) =>
        Change(incident.Id, expectedRevision, context, current => incident with
        {
            Id = current.Id,
            CreatedAt = current.CreatedAt,
            DeletedAt = current.DeletedAt,
        }, RevisionKind.Update);

    public Incident Update(long id, int expectedRevision, ChangeContext context, Func<Incident, Incident> apply) =>
        Change(id, expectedRevision, context, current => apply(current) with
        {
            Id = current.Id,
            CreatedAt = current.CreatedAt,
            DeletedAt = current.DeletedAt,
        }, RevisionKind.Update);

    public void Delete(long id, int expectedRevision, ChangeContext context) =>
        Change(id, expectedRevision, context, current => current with { DeletedAt = Clock.GetUtcNow() }, RevisionKind.Delete);

    /// <summary>Updates an incident inside the caller's transaction: <paramref name="apply"/> gets the current incident (with its sources).</summary>
    public Incident Update(DbTransaction tx, long id, ChangeContext context, Func<Incident, Incident> apply) =>
        Change(tx, id, null, context, current => apply(current) with { Id = current.Id, CreatedAt = current.CreatedAt, DeletedAt = current.DeletedAt }, RevisionKind.Update);

    /// <summary>Soft-deletes an incident (with a revision) inside the caller's transaction; false if it is already deleted.</summary>
    public bool Delete(DbTransaction tx, long id, ChangeContext context)
    {
        if (ReadRow(tx, id) is not { DeletedAt: null })
            return false;
        Change(tx, id, null, context, current => current with { DeletedAt = Clock.GetUtcNow() }, RevisionKind.Delete);
        return true;
    }

    private Incident Change(long id, int expectedRevision, ChangeContext context, Func<Incident, Incident> apply, RevisionKind kind)
    {
        using var tx = Connection.BeginTransaction();
        var next = Change(tx, id, expectedRevision, context, apply, kind);
        tx.Commit();
        return next;
    }

    private Incident Change(DbTransaction tx, long id, int? expectedRevisionOrCurrent, ChangeContext context, Func<Incident, Incident> apply, RevisionKind kind)
    {
        var current = ReadRow(tx, id) ?? throw new NotFoundException($"incident {id}");
        current = current with { Sources = LoadSources(tx, id) };
        if (current.DeletedAt is not null)
            throw new NotFoundException($"incident {id} (it was deleted)");
        var expectedRevision = expectedRevisionOrCurrent ?? current.Revision;
        if (current.Revision != expectedRevision)
            throw new ConcurrencyException(id, expectedRevision, current.Revision);

        var next = apply(current) with { Revision = current.Revision + 1, UpdatedAt = Clock.GetUtcNow() };
        // The figure follows the sources' when they change (an analyst's edit of the figure itself stands).
        next = SourceLookup.Load(Connection, tx).Prepare(next, current);
        var changes = IncidentFields.Diff(current, next);
        if (kind == RevisionKind.Update && changes.Count == 0)
            return current;
        if (kind == RevisionKind.Delete)
            changes = [new FieldChange("deleted_at", null, IncidentColumns.Stamp(next.DeletedAt!.Value))];

        using var writer = new IncidentWriter(Connection, tx, Dialect);
        if (!writer.Update(next, expectedRevision, kind, changes, context, null, changes.Any(c => c.Field == "sources")))
            throw new ConcurrencyException(id, expectedRevision, expectedRevision + 1);
        var rollup = new MonthlyRollup();
        rollup.Remove(current);
        rollup.Add(next);
        rollup.Flush(Connection, tx, Dialect);
        BumpDataVersion(tx);
        return next;
    }
}

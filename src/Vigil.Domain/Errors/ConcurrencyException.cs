namespace Vigil.Domain.Errors;

/// <summary>An edit was based on a revision that is no longer the current one.</summary>
public sealed class ConcurrencyException(long incidentId, int expectedRevision, int actualRevision)
    : VigilException($"incident {incidentId} is at revision {actualRevision}, not {expectedRevision}: it was changed by someone else; reload and retry")
{
    public long IncidentId { get; } = incidentId;
    public int ExpectedRevision { get; } = expectedRevision;
    public int ActualRevision { get; } = actualRevision;
}

namespace Vigil.Domain.Revisions;

/// <summary>
/// One change to an incident: who made it, when, and each field's value before and after. A creation
/// lists no field changes: the created state is the current state with every later change undone.
/// </summary>
public sealed record Revision(
    long IncidentId,
    int Number,
    DateTimeOffset At,
    string Author,
    RevisionKind Kind,
    long? ImportId,
    IReadOnlyList<FieldChange> Changes,
    string? Reason);

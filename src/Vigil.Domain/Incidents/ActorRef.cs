namespace Vigil.Domain.Incidents;

/// <summary>
/// An actor as a record names it: <see cref="Raw"/> is the source's wording, <see cref="Name"/> the canonical
/// actor it resolves to through the alias table (null when it is not in the table).
/// </summary>
public sealed record ActorRef(string? Name, string Raw)
{
    public bool IsResolved => Name is not null;
}

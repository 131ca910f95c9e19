namespace Vigil.Domain.Revisions;

public enum RevisionKind
{
    Create,
    Update,
    Delete,
    Restore,
}

namespace Vigil.Domain.Revisions;

/// <summary>Who is making a change and why; recorded on every revision.</summary>
public sealed record ChangeContext(string Author, string? Reason = null)
{
    public static ChangeContext System(string what) => new($"system:{what}");
}

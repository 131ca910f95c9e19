namespace Vigil.Domain.Revisions;

/// <summary>One field's value before and after a change, in the field's text form (null: no value).</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

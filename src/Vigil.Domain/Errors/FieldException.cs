namespace Vigil.Domain.Errors;

/// <summary>A value that cannot be accepted for a named field; the reader that knows the place adds it.</summary>
public sealed class FieldException(string field, string problem) : VigilException($"{field}: {problem}")
{
    public string Field { get; } = field;
    public string Problem { get; } = problem;
}

namespace Vigil.Domain.Errors;

/// <summary>
/// Bad input: a file, a row or a field that cannot be accepted. The message is one line:
/// <c>file:line:column: field: what is wrong</c>.
/// </summary>
public sealed class InputException : VigilException
{
    public InputException(InputLocation location, string problem)
        : base($"{location}: {problem}")
    {
        Location = location;
        Problem = problem;
    }

    public InputLocation Location { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }
}

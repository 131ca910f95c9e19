namespace Vigil.Domain.Errors;

/// <summary>
/// Bad input: a file, a row or a field that cannot be accepted. The message is one line:
/// <c>file:line:column: field: what is wrong</c>.
/// </summary>
public sealed class InputException : VigilException
{
    /// <param name="location">Where: the file, line, column and field.</param>
    /// <param name="problem">What is wrong; a byte that is not UTF-8, carried as a lone surrogate, is shown as <c>\xE9</c>.</param>
    public InputException(InputLocation location, string problem)
        : base($"{Text.LoneSurrogates.Readable(location.ToString())}: {Text.LoneSurrogates.Readable(problem)}")
    {
        Location = location;
        Problem = Text.LoneSurrogates.Readable(problem);
    }

    public InputLocation Location { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }
}

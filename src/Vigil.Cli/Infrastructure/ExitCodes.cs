namespace Vigil.Cli.Infrastructure;

/// <summary>The exit codes scripts can rely on.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>A bug or an unexpected failure (the message says what).</summary>
    public const int InternalError = 1;
    /// <summary>The command line is wrong: unknown command or option, bad option value.</summary>
    public const int Usage = 2;
    /// <summary>An input file is bad; nothing was written.</summary>
    public const int BadInput = 3;
    /// <summary>The thing asked for does not exist.</summary>
    public const int NotFound = 4;
    /// <summary>Another Vigil error: a database that cannot be opened, a conflicting edit.</summary>
    public const int Failed = 5;
}

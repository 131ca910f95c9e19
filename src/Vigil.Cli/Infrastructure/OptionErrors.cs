using Vigil.Domain.Errors;

namespace Vigil.Cli.Infrastructure;

/// <summary>A value a use case refuses (an unknown dataset, a bad scope value), reported as the option it came from: exit code 2.</summary>
public static class OptionErrors
{
    /// <exception cref="OptionException">The use case refused a value: "--dataset: no dataset named 'x': ...".</exception>
    public static T Named<T>(Func<T> run)
    {
        try
        {
            return run();
        }
        catch (FieldException e)
        {
            throw new OptionException($"--{FilterSettings.OptionName(e.Field)}: {e.Problem}");
        }
    }
}

/// <summary>A bad option value found after parsing (exit code 2, like a bad command line).</summary>
public sealed class OptionException(string message) : VigilException(message);

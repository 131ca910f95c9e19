namespace Vigil.Domain.Errors;

/// <summary>The root of Vigil's own failures: anything a user can act on derives from this.</summary>
public class VigilException : Exception
{
    public VigilException(string message) : base(message) { }
    public VigilException(string message, Exception inner) : base(message, inner) { }
}

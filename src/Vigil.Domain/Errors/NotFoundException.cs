namespace Vigil.Domain.Errors;

/// <summary>The thing asked for does not exist; <paramref name="hint"/>, when given, says what does ("the datasets are ...").</summary>
public sealed class NotFoundException(string what, string? hint = null) : VigilException(hint is null ? $"{what} not found" : $"{what} not found; {hint}")
{
}

namespace Vigil.Domain.Errors;

public sealed class NotFoundException(string what) : VigilException($"{what} not found")
{
}

using Vigil.Domain.Errors;

namespace Vigil.Reports;

/// <summary>A report could not be written; <see cref="Path"/> names the output it was meant for.</summary>
public sealed class ReportWriteException(string path, string problem, Exception? inner = null)
    : VigilException($"{path}: {problem}", inner ?? new InvalidOperationException(problem))
{
    public string Path { get; } = path;
    public string Problem { get; } = problem;
}

namespace Vigil.TestSupport.Hostile;

/// <summary>
/// The hostile-input and role-matrix suites' summary lines (requests sent, 5xx count), written to
/// TestResults/security-summary.txt beside the test binaries (which .ci/run prints) and echoed on
/// standard error so that `dotnet test` shows them.
/// </summary>
public static class SecuritySummary
{
    private static readonly SuiteSummary Summary = new("security");

    public static void Write(string line) => Summary.Write(line);
}

/// <summary>Counts what a suite sent and what came back, and says which requests failed the property.</summary>
public sealed class RequestTally(string suite, string unit = "requests")
{
    private readonly List<string> _violations = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public int Sent { get; private set; }
    public int ServerErrors { get; private set; }

    public void Add(string request, int status, string? violation)
    {
        Sent++;
        if (status >= 500)
            ServerErrors++;
        // One line per request shape and status is enough to act on.
        if (violation is not null && _seen.Add(request.Split('?')[0] + " " + status) && _violations.Count < 40)
            _violations.Add($"{request} -> {status}: {violation}");
    }

    public IReadOnlyList<string> Violations => _violations;

    public void Report(string extra = "") =>
        SecuritySummary.Write($"{suite}: {Sent:N0} {unit} sent, {ServerErrors} answered 5xx, {_violations.Count} broke the property{extra}");
}

namespace Vigil.Domain.Claims;

public enum Verdict
{
    Supported,
    Contradicted,
    /// <summary>The data do not cover the claim (its period, scope or metric): no verdict, rather than a guess.</summary>
    NotCheckable,
}

/// <summary>
/// One assertion within a claim checked against the data: what was claimed, what the data give, the
/// difference, and the tolerance rule that decided the verdict.
/// </summary>
public sealed record CheckPart(
    string What,
    Verdict Verdict,
    string Claimed,
    double? Computed,
    double? ComputedLow,
    double? ComputedHigh,
    double? Difference,
    string Tolerance,
    string Explanation);

/// <summary>
/// The answer to a claim: one part per assertion (its number, its comparison), and the overall verdict —
/// contradicted if any part is, not checkable if any part cannot be checked, else supported. The incident
/// ids are those behind the computed figure, so every answer can be traced.
/// </summary>
public sealed record ClaimCheck(Claim Claim, Verdict Verdict, IReadOnlyList<CheckPart> Parts, IReadOnlyList<long> IncidentIds)
{
    /// <summary>The datasets the claim was checked against and what they cover (null where the checker was given none).</summary>
    public CheckedScope? Scope { get; init; }

    public static Verdict Combine(IEnumerable<Verdict> parts)
    {
        var list = parts.ToList();
        if (list.Contains(Verdict.Contradicted))
            return Verdict.Contradicted;
        if (list.Count == 0 || list.Contains(Verdict.NotCheckable))
            return Verdict.NotCheckable;
        return Verdict.Supported;
    }
}

/// <summary>
/// The scope a claim was checked in: "UCDP GED" or "UCDP GED + PBC suicide attacks, linked" (an event two of them
/// record counted once, with the first one's figures), the dataset names in order of precedence, whether they were
/// the database's primary dataset because the claim named none, the days they cover, and which sources the figures count.
/// </summary>
public sealed record CheckedScope(string Label, IReadOnlyList<string> Datasets, bool PrimaryDefault, bool Deduplicated, string Covers, IReadOnlyList<string> Notes)
{
    /// <summary>Which sources the killed and injured counted: independent, all or party.</summary>
    public string Sources { get; init; } = "independent";

    /// <summary>The same in words ("killed and injured from independent sources ... (sources=independent)").</summary>
    public string SourcesLabel { get; init; } = "";
}

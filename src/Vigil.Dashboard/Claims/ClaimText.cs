using System.Globalization;
using Vigil.Dashboard.Shell;
using Vigil.Domain.Claims;
using Vigil.Domain.Text;

namespace Vigil.Dashboard.Claims;

/// <summary>How claims and their checks read on the page.</summary>
public static class ClaimText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Number(double? value) =>
        value is not { } v ? "—" : Math.Abs(v - Math.Round(v)) < 1e-9 ? v.ToString("N0", Inv) : v.ToString("N1", Inv);

    /// <summary>The data's value; a percentage when the part checks a percent change (its claim is written "+139%").</summary>
    public static string Computed(CheckPart part) =>
        IsPercent(part) && part.Computed is { } v ? $"{(v >= 0 ? "+" : "")}{Number(v)}%" : Number(part.Computed);

    public static string Difference(CheckPart part) =>
        IsPercent(part) && part.Difference is { } d ? $"{Number(d)} points" : Number(part.Difference);

    private static bool IsPercent(CheckPart part) => part.Claimed.EndsWith('%');

    public static string Verdict(Verdict verdict) => EnumText<Verdict>.Format(verdict);

    public static string VerdictLabel(Verdict verdict) => verdict switch
    {
        Domain.Claims.Verdict.Supported => "Supported",
        Domain.Claims.Verdict.Contradicted => "Contradicted",
        _ => "Not checkable",
    };

    /// <summary>"killed in Balochistan involving TTP, June 2014: at least 40; +139% on the period before".</summary>
    public static string Describe(Claim c)
    {
        var text = $"{EnumText<ClaimMetric>.Format(c.Metric)} in {c.Scope.Describe()}, {c.Period.Name}";
        if (c.Value is { } v)
            text += $": {EnumText<ValueQualifier>.Format(c.Qualifier).Replace('-', ' ')} {Number(v)}";
        text += c.Comparison switch
        {
            ChangeComparison ch => $"; {(ch.Percent >= 0 ? "+" : "")}{Number(ch.Percent)}% on {(ch.Against == ChangeBaseline.PreviousPeriod ? "the period before" : "the same period a year before")}",
            RecordComparison r => $"; {(r.OneOf ? $"one of the {r.Top} highest" : r.Rank > 1 ? $"rank {r.Rank}" : "the highest")} since {r.Since.Name}",
            AllTimeRecordComparison => "; the highest since records began",
            _ => "",
        };
        if (c.Baseline is { } b)
            text += $"; from {EnumText<ValueQualifier>.Format(b.Qualifier).Replace('-', ' ')} {Number(b.Value)} in {b.Period.Name}";
        return text;
    }

    /// <summary>The incidents list for the claim's scope and period: what stands behind the computed figure.</summary>
    /// <summary>The incident list behind a check: the claim's period, place, actor and types, in the datasets it was checked against.</summary>
    public static string IncidentsLink(ClaimCheck check) => IncidentsLink(check.Claim, check.Scope?.Datasets ?? check.Claim.Scope.Datasets);

    public static string IncidentsLink(Claim c, IReadOnlyList<string> datasets) => QueryText.Link("/incidents",
    [
        new("from", c.Period.Start.ToString("yyyy-MM-dd", Inv)),
        new("to", c.Period.End.ToString("yyyy-MM-dd", Inv)),
        new("province", c.Scope.Province),
        new("district", c.Scope.District),
        new("actor", c.Scope.Actor),
        .. c.Scope.EventTypes.Select(t => new KeyValuePair<string, string?>("type", t)),
        .. datasets.Select(d => new KeyValuePair<string, string?>("dataset", d)),
    ]);
}

using System.Globalization;

namespace Vigil.Reports;

/// <summary>How numbers and months read in every format, so that the three renderers agree.</summary>
public static class ReportText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The heading of the groups breakdown, and what it counts.</summary>
    public const string GroupsHeading = "Groups involved";

    public const string GroupsNote =
        "Groups involved are the non-state party of each incident, whatever its role: the group that attacked, in a militant attack; the armed group that fought state forces, in a clash or an operation (the first named, when two groups fought). A state is never counted as a perpetrator of militant attacks.";

    public const string CategoryHeading = "By category";

    public const string CategoryNote =
        "Categories: militant attack (a non-state group attacks), security operation (state forces act against a group, air and drone strikes included), armed clash (fighting where the source does not say who began it), other. Each dataset's rule is in docs/method.md; UCDP GED codes state-based fighting without its initiator, so its attacks on the state are armed clashes.";

    /// <summary>Which sources a figure counts, in a few words: "independent sources", "all credible sources, party claims too", "party claims alone".</summary>
    public static string SourcesWords(Domain.Sources.SourceScope sources) => sources switch
    {
        Domain.Sources.SourceScope.All => "all credible sources, party claims too",
        Domain.Sources.SourceScope.Party => "party claims alone",
        _ => "independent sources",
    };

    /// <summary>What a figure's column adds to its label under a sources scope other than the default: " (sources=all)"; "" otherwise.</summary>
    public static string SourcesSuffix(Domain.Sources.SourceScope sources) =>
        sources == Domain.Sources.SourceScope.Independent ? "" : $" (sources={Domain.Text.EnumText<Domain.Sources.SourceScope>.Format(sources)})";

    /// <summary>A count with thousands separators: 1,234.</summary>
    public static string Number(long value) => value.ToString("N0", Invariant);

    /// <summary>A count, or what stands in for a figure there is none of (never a zero): "not known" by default.</summary>
    public static string Number(long? value, string missing = "not known") => value is { } v ? Number(v) : missing;

    /// <summary>A sum of known figures with how many incidents had none: "12", "12 (+3 unknown)"; null: <paramref name="missing"/>.</summary>
    public static string Figure(long? value, long unknown, string missing = "not known") =>
        value is { } v && unknown > 0 ? $"{Number(v)} (+{Number(unknown)} unknown)" : Number(value, missing);

    /// <summary>"2021-12" → "December 2021"; anything else is returned as given.</summary>
    public static string MonthName(string period) =>
        TryParseMonth(period, out var month) ? month.ToString("MMMM yyyy", Invariant) : period;

    /// <summary>"2021-12" → "Dec 2021".</summary>
    public static string ShortMonthName(string period) =>
        TryParseMonth(period, out var month) ? month.ToString("MMM yyyy", Invariant) : period;

    public static string Timestamp(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm 'UTC'zzz", Invariant);

    public static bool TryParseMonth(string period, out DateOnly month) =>
        DateOnly.TryParseExact(period, "yyyy-MM", Invariant, DateTimeStyles.None, out month);
}

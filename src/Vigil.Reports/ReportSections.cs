using Vigil.Reports.Maps;
using Vigil.Reports.Model;

namespace Vigil.Reports;

/// <summary>Small pieces of wording and selection that every format shows the same way.</summary>
public static class ReportSections
{
    /// <summary>How many districts the list beside the map names.</summary>
    public const int TopDistrictCount = 10;

    /// <summary>
    /// The scope line: "Pakistan · UCDP GED · independent sources · December 2021 · generated 2022-01-03 09:30 UTC+00:00"
    /// (with "incidents graded fair or better" when the scope sets a minimum grade).
    /// </summary>
    public static string Subtitle(MonthlyReport report) =>
        $"{report.Scope}{(report.DatasetsLabel.Length > 0 ? " · " + report.DatasetsLabel : "")} · {ReportText.SourcesWords(report.Sources)}"
        + (report.MinGrade is { } grade ? $" · incidents graded {Domain.Text.EnumText<Domain.Sources.IncidentGrade>.Format(grade)}{(grade == Domain.Sources.IncidentGrade.Confirmed ? "" : " or better")}" : "")
        + $" · {ReportText.MonthName(report.Month)} · generated {ReportText.Timestamp(report.GeneratedAt)}";

    /// <summary>
    /// The line printed beside the headline figures: "Sourcing: 82 % of incidents fair or better (confirmed 3, ...);
    /// killed and injured from independent sources"; null when the report has no sourcing figure.
    /// </summary>
    public static string? SourcingLine(MonthlyReport report) => report.Sourcing is { } sourcing
        ? $"Sourcing: {sourcing.Text}; killed and injured counted from {ReportText.SourcesWords(report.Sources)}."
        : null;

    /// <summary>The districts with the most killed this month (the map names none), most first.</summary>
    public static IReadOnlyList<DistrictValue> TopDistricts(MonthlyReport report) =>
        report.Districts.Where(d => d.Killed > 0)
            .OrderByDescending(d => d.Killed).ThenBy(d => d.District, StringComparer.Ordinal)
            .Take(TopDistrictCount).ToList();

    /// <summary>A sentence on the districts with deaths that the map could not show, or null.</summary>
    public static string? UnmappedNote(ChoroplethMap? map)
    {
        if (map is null || map.Unmapped.Count == 0)
            return null;
        var names = map.Unmapped.Select(d => $"{d.District} ({ReportText.Number(d.Killed)} killed)");
        return $"Not on the map (no boundary in the bundled layer, or outside the area shown): {string.Join(", ", names)}.";
    }

    /// <summary>Said instead of the map when there is none.</summary>
    public static string NoMapNote(MonthlyReport report) =>
        $"No map: the scope \"{report.Scope}\" is not a country or province in the gazetteer and no district names a country.";

    /// <summary>"2 incidents had no figure" for a headline, or null when every incident had one.</summary>
    public static string? UnknownNote(HeadlineFigure figure) => figure.UnknownCount switch
    {
        0 => null,
        1 => "1 incident had no figure (not counted as zero)",
        _ => $"{ReportText.Number(figure.UnknownCount)} incidents had no figure (not counted as zero)",
    };

    /// <summary>The parties of a notable incident (attacker, or the sides of a clash), or "not known".</summary>
    public static string Perpetrator(NotableIncident incident) => incident.Perpetrator ?? "not known";

    /// <summary>A source link is given only for an absolute http(s) URL; anything else stays text.</summary>
    /// <returns>The URL as given (not normalised), or null.</returns>
    public static string? SafeUrl(SourceLine source) => Vigil.Domain.Text.WebLink.Href(source.Url);

    /// <summary>The accountability section's two parts with their headings, in the order every format shows them.</summary>
    public static IReadOnlyList<(string Heading, IReadOnlyList<string> Lines)> AccountabilityParts(AccountabilitySection section) =>
    [
        ("Border crossings", section.Crossings.Count > 0 ? section.Crossings : ["No crossings are monitored."]),
        ("Commitments due or evaluated this month", section.Commitments.Count > 0 ? section.Commitments : ["No commitment was due, scored or at the end of its evaluation window this month."]),
    ];
}

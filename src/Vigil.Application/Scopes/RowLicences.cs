using Vigil.Domain.Datasets;

namespace Vigil.Application.Scopes;

/// <summary>
/// Whose rows may be passed on. A dataset whose licence forbids redistribution (GTD, ACLED; the Pakistan Body Count
/// files, which state no licence) has its rows served only to analysts and admins, who work under its terms;
/// viewers and anonymous readers get its figures (statistics, reports, the overview) but not its rows (lists,
/// incident pages, exports). The one statement of the rule, for the API and the dashboard.
/// </summary>
public static class RowLicences
{
    /// <summary>The datasets whose rows this caller may not receive (none for analysts and admins).</summary>
    public static IReadOnlyList<Dataset> Withheld(IEnumerable<Dataset> datasets, bool mayReceiveRestricted) =>
        mayReceiveRestricted ? [] : [.. datasets.Where(d => !d.Redistributable)];

    /// <summary>"The rows of GTD (GTD terms of use: no redistribution of the data) are served only to analysts and admins; ..."</summary>
    public static string Explain(IReadOnlyList<Dataset> withheld) =>
        $"the rows of {string.Join(" and ", withheld.Select(d => $"{d.Title} ({d.Licence})"))} may not be passed on: they are served only to analysts and admins; the figures (statistics, the overview, reports) are open to every reader";

    /// <summary>The licences an export of these datasets carries: "UCDP GED: CC BY 4.0 — cite: ...".</summary>
    public static IReadOnlyList<string> Notices(IEnumerable<Dataset> datasets) =>
        [.. datasets.Select(d => $"{d.Title}: {d.Licence}{(d.Citation.Length > 0 ? " — cite: " + d.Citation : "")}")];
}

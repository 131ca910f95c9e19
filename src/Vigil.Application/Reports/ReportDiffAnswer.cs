using Vigil.Application.Scopes;

namespace Vigil.Application.Reports;

/// <summary>The first and last day of the period whose incidents a diff compares (the report's trend and month).</summary>
public sealed record DiffPeriod(DateOnly From, DateOnly To);

/// <summary>
/// A diff as <c>vigil report diff --json</c> and <c>GET /api/v1/reports/published/{id}/diff</c> write it: the report as
/// published, how many figures it recorded, the figures that regenerated as of its moment differ from those published
/// (none when the history holds), the figures changed since (before: as published; after: now, or as of
/// <see cref="AsOf"/>), the period compared and each incident of its scope and period that changed. <see cref="Withheld"/>
/// says why the incidents (and the deadliest incidents among the figures) are left out for a reader who may not receive
/// the rows of a dataset in its scope; null when nothing is.
/// </summary>
public sealed record ReportDiffAnswer(
    PublishedReportSummary Report, int FiguresPublished, IReadOnlyList<FigureChange> RegeneratedDifferences,
    IReadOnlyList<FigureChange> Figures, DiffPeriod Period, IReadOnlyList<IncidentChange> Incidents, DateTimeOffset? AsOf, string? Withheld)
{
    /// <summary>The figures that name incidents ("deadliest/1": "incident 123: 40 killed") are rows, as the incidents are.</summary>
    public const string RowFigurePrefix = "deadliest/";

    public static ReportDiffAnswer Of(ReportDiff diff, bool mayReceiveRestricted)
    {
        var withheld = RowLicences.Withheld(diff.Datasets, mayReceiveRestricted);
        IReadOnlyList<FigureChange> Open(IReadOnlyList<FigureChange> figures) => withheld.Count == 0 ? figures
            : [.. figures.Where(f => !f.Name.StartsWith(RowFigurePrefix, StringComparison.Ordinal))];
        return new ReportDiffAnswer(PublishedReportList.Summary(diff.Report), diff.FigureCount, Open(diff.Regenerated), Open(diff.Figures),
            new DiffPeriod(diff.From, diff.To), withheld.Count == 0 ? diff.Incidents : [], diff.AsOf,
            withheld.Count == 0 ? null : $"The incidents changed, and the deadliest incidents among the figures, are not listed here: {RowLicences.Explain(withheld)}.");
    }
}

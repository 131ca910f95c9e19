using Vigil.Application.Reports;
using Vigil.Application.Scopes;
using Vigil.Reports.Model;

namespace Vigil.Cli.Summary;

/// <summary>
/// <c>vigil summary</c>'s answer: the month, its place and the scope of datasets, the three headline figures with
/// their comparisons, the generated statements, the breakdowns and the deadliest incidents. A figure there is none of
/// is null with <see cref="SummaryFigure.Missing"/> saying why ("no data", "not recorded", "unknown"), never 0.
/// </summary>
public sealed record SummaryJson(
    string Month,
    bool LatestMonth,
    string Place,
    ScopeJson Scope,
    IReadOnlyList<SummaryFigure> Headlines,
    IReadOnlyList<string> Statements,
    IReadOnlyList<BreakdownRow> ByProvince,
    IReadOnlyList<BreakdownRow> ByGroup,
    IReadOnlyList<BreakdownRow> ByCategory,
    IReadOnlyList<BreakdownRow> ByEventType,
    IReadOnlyList<NotableIncident> Deadliest)
{
    /// <summary>The share of the month's incidents graded fair or better, with each grade's count.</summary>
    public SourcingFigure? Sourcing { get; init; }

    public static SummaryJson Of(MonthlyReportResult built)
    {
        var r = built.Report;
        return new SummaryJson(
            built.Month.Label, built.LatestMonth, built.ScopeName, ScopeJson.Of(built.Scope),
            [.. r.Headlines.Select(SummaryFigure.Of)], r.Statements, r.ByProvince, r.ByActor, r.ByCategory, r.ByEventType, r.Notable)
        { Sourcing = r.Sourcing };
    }
}

/// <summary>
/// One headline: the month's value (null: see <see cref="Missing"/>), how many incidents have no figure for it, the
/// month before and the same month a year before (null where those have no number), and the comparison in words.
/// </summary>
public sealed record SummaryFigure(string Metric, long? Value, string? Missing, long Unknown, long? PreviousMonth, long? SameMonthLastYear, string Change)
{
    public static SummaryFigure Of(HeadlineFigure h) => new(
        h.Label.ToLowerInvariant(), h.Value, h.Value is null ? h.Missing : null, h.UnknownCount, h.PreviousMonth, h.SameMonthLastYear, h.Change);
}

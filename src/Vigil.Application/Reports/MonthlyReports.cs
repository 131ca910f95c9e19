using Vigil.Application.Reference;
using Vigil.Application.Scopes;
using Vigil.Domain.Errors;
using Vigil.Domain.Time;
using Vigil.Reports.Building;
using Vigil.Reports.Model;
using Vigil.Storage;

namespace Vigil.Application.Reports;

/// <summary>
/// Which monthly assessment to build: the month (YYYY-MM; null for the latest month with data in the scope), the
/// country, an optional province, the datasets (none: the primary dataset), and whether to add the accountability
/// section. <see cref="Filters"/>, when given, is the whole scope (districts, actors, types, ...) as the one scope
/// parser reads it; its countries, provinces and datasets, when empty, are taken from the fields beside it.
/// </summary>
public sealed record MonthlyReportRequest
{
    public string? Month { get; init; }
    public string Country { get; init; } = "Pakistan";
    public string? Province { get; init; }
    public IReadOnlyList<string> Datasets { get; init; } = [];
    public ScopeInput? Filters { get; init; }
    public bool WithAccountability { get; init; } = true;

    /// <summary>
    /// Whether the reader may receive rows of datasets that may not be passed on (<see cref="RowLicences"/>); when not,
    /// the report keeps every figure but lists none of those datasets' incidents.
    /// </summary>
    public bool MayReceiveRestricted { get; init; } = true;
}

/// <summary>The assessment built, with the month it covers (and whether that was the default), the place's name and the scope.</summary>
public sealed record MonthlyReportResult(MonthlyReport Report, Period Month, bool LatestMonth, string ScopeName, Scope Scope);

/// <summary>
/// The one assembly of the monthly security assessment, for <c>vigil report monthly</c>, the reports API, the
/// overview API and the dashboard's overview: the scope resolved once, the default month found once
/// (<see cref="DataMonths"/>), the report built by <see cref="MonthlyReportBuilder"/> with the accountability section.
/// </summary>
public sealed class MonthlyReports(IVigilDatabase db, ReferenceData reference, TimeProvider clock)
{
    /// <exception cref="FieldException"><c>month</c> is not a month.</exception>
    /// <exception cref="NotFoundException">No month given and the scope has no incidents.</exception>
    public MonthlyReportResult Build(MonthlyReportRequest request)
    {
        var (scope, scopeName) = Scope(request);
        var (month, latest) = Month(request.Month, scope, scopeName);
        var report = new MonthlyReportBuilder(db.Incidents, reference.Gazetteer, clock)
            .Build(month, new ReportScope(scope.Query, scopeName, scope.Label, scope.Datasets, scope.Coverage));
        if (request.WithAccountability)
            report = AccountabilitySectionBuilder.AddTo(report, db.Incidents, db.Accountability, clock, month, db.Datasets);
        report = ReportNotes.Attach(db, report, month, scope) with { SourcesLabel = ScopeParser.Describe(scope.Query.Sources) };
        if (RowLicences.Withheld(scope.Datasets, request.MayReceiveRestricted) is { Count: > 0 } withheld && report.Notable.Count > 0)
        {
            report = report with
            {
                Notable = [],
                Statements = [.. report.Statements, $"The deadliest incidents are not listed here: {RowLicences.Explain(withheld)}."],
            };
        }
        return new MonthlyReportResult(report, month, latest, scopeName, scope);
    }

    /// <summary>The scope (resolved by the one scope parser: the primary dataset when none is named) and its place's name.</summary>
    /// <exception cref="FieldException">An unknown dataset (field <c>dataset</c>).</exception>
    public (Scope Scope, string Name) Scope(MonthlyReportRequest request)
    {
        var filters = request.Filters ?? new ScopeInput();
        var input = filters with
        {
            // A month's report is the whole month: dates come from the month, never from a filter.
            From = null,
            To = null,
            Countries = filters.Countries.Count > 0 ? filters.Countries : [request.Country],
            Provinces = filters.Provinces.Count > 0 ? filters.Provinces : request.Province is { } p ? [p] : [],
            Datasets = filters.Datasets.Count > 0 ? filters.Datasets : request.Datasets,
        };
        var scope = new ScopeParser(reference).Resolve(input, db);
        var q = scope.Query;
        var name = q.Districts.Count == 1 ? q.Districts[0]
            : q.Provinces.Count > 0 ? string.Join(", ", q.Provinces)
            : string.Join(", ", q.Countries);
        return (scope, name);
    }

    private (Period Month, bool Latest) Month(string? given, Scope scope, string scopeName)
    {
        if (given is not null)
        {
            return Period.TryParse(given, out var month) && month.Unit == PeriodUnit.Month
                ? (month, false)
                : throw new FieldException("month", $"'{given}' is not a month (YYYY-MM) {DateBounds.Text}");
        }
        return DataMonths.Latest(db.Incidents, scope, clock) is { } last
            ? (last, true)
            : throw new NotFoundException($"data for {scopeName} in {scope.Label}", scope.Notes.Count > 0
                ? string.Join("; ", scope.Notes)
                : "import some first");
    }
}

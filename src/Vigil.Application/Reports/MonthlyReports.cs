using Vigil.Application.Reference;
using Vigil.Domain.Errors;
using Vigil.Domain.Time;
using Vigil.Reports.Building;
using Vigil.Reports.Model;
using Vigil.Storage;

namespace Vigil.Application.Reports;

/// <summary>
/// Which monthly assessment to build: the month (YYYY-MM; null for the latest month with data in the scope), the
/// country, an optional province, the datasets (none: all), and whether to add the accountability section.
/// </summary>
public sealed record MonthlyReportRequest
{
    public string? Month { get; init; }
    public string Country { get; init; } = "Pakistan";
    public string? Province { get; init; }
    public IReadOnlyList<string> Datasets { get; init; } = [];
    public bool WithAccountability { get; init; } = true;
}

/// <summary>The assessment built, with the month it covers (and whether that was the default), the scope's name and query.</summary>
public sealed record MonthlyReportResult(MonthlyReport Report, Period Month, bool LatestMonth, string ScopeName, IncidentQuery Scope);

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
        var report = new MonthlyReportBuilder(db.Incidents, reference.Gazetteer, clock).Build(month, scope, scopeName);
        if (request.WithAccountability)
            report = AccountabilitySectionBuilder.AddTo(report, db.Incidents, db.Accountability, clock, month);
        return new MonthlyReportResult(report, month, latest, scopeName, scope);
    }

    /// <summary>The scope's query and its name ("Pakistan", or the province's current name).</summary>
    public (IncidentQuery Scope, string Name) Scope(MonthlyReportRequest request)
    {
        var scopes = reference.Scopes;
        var country = scopes.Country(request.Country);
        var scope = IncidentQuery.All with { Countries = [country], Datasets = request.Datasets };
        if (request.Province is null)
            return (scope, country);
        var province = scopes.Province(request.Province);
        return (scope with { Provinces = [province] }, province);
    }

    private (Period Month, bool Latest) Month(string? given, IncidentQuery scope, string scopeName)
    {
        if (given is not null)
        {
            return Period.TryParse(given, out var month) && month.Unit == PeriodUnit.Month
                ? (month, false)
                : throw new FieldException("month", $"'{given}' is not a month (YYYY-MM) {DateBounds.Text}");
        }
        return DataMonths.Latest(db.Incidents, scope) is { } last
            ? (last, true)
            : throw new NotFoundException($"incidents in {scopeName} (import some first)");
    }
}

using System.Globalization;
using Vigil.Application.Figures;
using Vigil.Application.Reference;
using Vigil.Application.Reports;
using Vigil.Application.Scopes;
using Vigil.Application.Setup;
using Vigil.Domain.Time;
using Vigil.Statistics;
using Vigil.Storage.Relational;
using Vigil.Storage.Sqlite;
using Vigil.TestSupport;

namespace Vigil.Application.Tests.Figures;

/// <summary>A database filled as a fresh install fills it: the first run over both bundled UCDP files.</summary>
public sealed class BundledDatabase : IDisposable
{
    private readonly TempDirectory _dir = new();

    public BundledDatabase()
    {
        Db = new RelationalDatabase(SqliteIncidentStore.Open(_dir.File("bundled.db")));
        new FirstRun(Db, ReferenceData.Bundled).Run(new FirstRunRequest(FirstRunTests.Bundled, null, "test"));
    }

    public RelationalDatabase Db { get; }

    public void Dispose()
    {
        Db.Dispose();
        _dir.Dispose();
    }
}

/// <summary>
/// Figures for Afghanistan, for both countries and for Pakistan on the bundled data, against counts made from the CSV
/// files by an independent reader: each event once, and "no data" (never zero) where no bundled file reaches.
/// </summary>
public sealed class BundledDataTests(BundledDatabase data) : IClassFixture<BundledDatabase>
{
    private static readonly IReadOnlyList<IReadOnlyDictionary<string, string>> Candidate = CsvRows.Read(RepoFiles.BundledUcdpCandidate);

    private MonthlyReports Reports => new(data.Db, ReferenceData.Bundled, new TestClock());

    /// <summary>Events and the sum of best estimates of killed, from the Candidate file, by start month and country.</summary>
    private static (long Incidents, long Killed) Counted(string month, params string[] countries)
    {
        var rows = Candidate.Where(r => r["date_start"].StartsWith(month, StringComparison.Ordinal) && countries.Contains(r["country"])).ToList();
        return (rows.Count, rows.Sum(r => long.Parse(r["best"], CultureInfo.InvariantCulture)));
    }

    private static (long? Incidents, long? Killed) Headlines(MonthlyReportResult built) =>
        (built.Report.Headlines.Single(h => h.Label == "Incidents").Value, built.Report.Headlines.Single(h => h.Label == "Killed").Value);

    [Theory]
    [InlineData("2026-07", "Afghanistan")]
    [InlineData("2026-03", "Afghanistan")]
    [InlineData("2026-07", "Afghanistan", "Pakistan")]
    [InlineData("2026-07", "Pakistan")]
    public void A_report_over_the_bundled_datasets_counts_what_the_candidate_file_holds(string month, params string[] countries)
    {
        var expected = Counted(month, countries);
        Assert.True(expected.Incidents > 0, $"the file has no event in {month} for {string.Join(", ", countries)}");

        var built = Reports.Build(new MonthlyReportRequest { Month = month, Filters = new ScopeInput { Countries = countries, Datasets = ["all"] } });

        Assert.Equal((expected.Incidents, expected.Killed), Headlines(built));
        Assert.Equal(["ucdp-ged", "ucdp-candidate"], built.Scope.Datasets.Select(d => d.Name));
    }

    [Fact]
    public void With_no_dataset_named_the_scope_is_GED_and_the_Candidate_release_that_continues_it()
    {
        // A fresh install's default: the primary dataset (GED) and the provisional release that carries it on in time,
        // so the assessment opens on the latest month the bundled data reach, for both countries.
        var built = Reports.Build(new MonthlyReportRequest { Filters = new ScopeInput { Countries = ["Afghanistan", "Pakistan"] } });
        var last = Candidate.Select(r => r["date_start"][..7]).Max(StringComparer.Ordinal)!;

        Assert.True(built.Scope.Defaulted);
        Assert.Equal(["ucdp-ged", "ucdp-candidate"], built.Scope.Datasets.Select(d => d.Name));
        Assert.Equal(last, built.Month.Label);
        Assert.Equal(Counted(last, "Afghanistan", "Pakistan"), Headlines(built));
    }

    [Fact]
    public void Afghanistan_defaults_to_the_latest_month_of_the_candidate_file()
    {
        var built = Reports.Build(new MonthlyReportRequest { Country = "Afghanistan", Datasets = ["ucdp-candidate"] });
        var last = Candidate.Where(r => r["country"] == "Afghanistan").Select(r => r["date_start"][..7]).Max(StringComparer.Ordinal)!;

        Assert.True(built.LatestMonth);
        Assert.Equal(last, built.Month.Label);
        Assert.Equal(Counted(last, "Afghanistan"), Headlines(built));
    }

    [Fact]
    public void Pakistan_months_between_the_ged_file_and_the_candidate_file_are_no_data()
    {
        var result = new SeriesFigures(data.Db, ReferenceData.Bundled).Run(new SeriesFiguresRequest(
            new ScopeInput { Countries = ["Pakistan"], Datasets = ["all"], From = "2021-01", To = "2026-07" }, PeriodUnit.Month));
        var series = result.Series;
        var gap = Enumerable.Range(0, 48).Select(i => Period.Containing(new DateOnly(2022, 1, 1).AddMonths(i), PeriodUnit.Month)).ToList();

        Assert.All(gap, month => Assert.Equal(CoverageState.None, series.State(month)));
        Assert.All(gap, month => Assert.Null(series.Covered(month)));
        // Either side of the gap the figures are the files' own.
        Assert.Equal(CoverageState.Full, series.State(Period.Containing(new DateOnly(2021, 12, 1), PeriodUnit.Month)));
        var july = Period.Containing(new DateOnly(2026, 7, 1), PeriodUnit.Month);
        Assert.Equal(CoverageState.Full, series.State(july));
        Assert.Equal(Counted("2026-07", "Pakistan"), (series.Covered(july)!.Incidents, series.Covered(july)!.KilledBest));
    }

    [Fact]
    public void Afghanistan_in_the_years_of_the_pakistan_only_ged_file_is_no_data_not_zero()
    {
        var built = Reports.Build(new MonthlyReportRequest { Month = "2014-06", Filters = new ScopeInput { Countries = ["Afghanistan"], Datasets = ["all"] } });

        Assert.Equal((null, null), Headlines(built));
        Assert.Equal("no data", built.Report.Headlines.Single(h => h.Label == "Incidents").Missing);
        Assert.Contains(built.Scope.Notes, n => n.Contains("UCDP GED covers Pakistan only", StringComparison.Ordinal));
    }

    [Fact]
    public void Both_countries_in_the_years_of_the_pakistan_only_ged_file_are_partial_never_compared()
    {
        var scope = new ScopeParser(ReferenceData.Bundled).Resolve(new ScopeInput { Countries = ["Afghanistan", "Pakistan"], Datasets = ["all"] }, data.Db.Datasets);

        Assert.Equal(CoverageState.Partial, scope.Coverage.Of(Period.Containing(new DateOnly(2014, 6, 1), PeriodUnit.Month)));
        Assert.Equal(CoverageState.Full, scope.Coverage.Of(Period.Containing(new DateOnly(2026, 7, 1), PeriodUnit.Month)));
        Assert.Equal(CoverageState.None, scope.Coverage.Of(Period.Containing(new DateOnly(2024, 6, 1), PeriodUnit.Month)));
    }
}

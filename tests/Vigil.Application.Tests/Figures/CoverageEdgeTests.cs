using System.Globalization;
using System.Text;
using Microsoft.VisualBasic.FileIO;
using Vigil.Application.Reference;
using Vigil.Application.Reports;
using Vigil.Application.Scopes;
using Vigil.Domain.Claims;
using Vigil.Domain.Incidents;
using Vigil.Domain.Revisions;
using Vigil.Domain.Time;
using Vigil.Ingestion;
using Vigil.Ingestion.Normalization;
using Vigil.Statistics;
using Vigil.Storage;
using Vigil.Storage.Backends;
using Vigil.TestSupport;

namespace Vigil.Application.Tests.Figures;

/// <summary>
/// Where a dataset's coverage begins or ends inside a period: the period is partial and takes no part in changes or
/// records; where nothing covers a period it is "no data", never zero.
/// </summary>
public sealed class CoverageEdgeTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TestClock _clock = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>
    /// A GTD-layout file (the columns of the GTD fixture) whose first attack is on 3 December 2007: three attacks in
    /// December 2007, then one a month in 2008 and two a month in 2009 (the last on 31 December), each with 5 killed.
    /// </summary>
    private string GtdFromDecember()
    {
        var sample = RepoFiles.Path_("tests", "Vigil.Ingestion.Tests", "Fixtures", "gtd-pakistan-sample.csv");
        using var parser = new TextFieldParser(sample, Encoding.UTF8) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        var template = parser.ReadFields()!;
        int Col(string name) => Array.IndexOf(header, name);
        var days = new List<DateOnly> { new(2007, 12, 3), new(2007, 12, 10), new(2007, 12, 20) };
        days.AddRange(Enumerable.Range(1, 12).Select(m => new DateOnly(2008, m, 15)));
        days.AddRange(Enumerable.Range(1, 12).SelectMany(m => new[] { new DateOnly(2009, m, 5), new DateOnly(2009, m, DateTime.DaysInMonth(2009, m)) }));
        var lines = new List<string> { string.Join(",", header.Select(Quote)) };
        for (var i = 0; i < days.Count; i++)
        {
            var row = (string[])template.Clone();
            var d = days[i];
            row[Col("eventid")] = string.Create(CultureInfo.InvariantCulture, $"{d:yyyyMMdd}{i:0000}");
            row[Col("iyear")] = d.Year.ToString(CultureInfo.InvariantCulture);
            row[Col("imonth")] = d.Month.ToString(CultureInfo.InvariantCulture);
            row[Col("iday")] = d.Day.ToString(CultureInfo.InvariantCulture);
            row[Col("nkill")] = "5";
            lines.Add(string.Join(",", row.Select(Quote)));
        }
        var path = _dir.File("gtd-from-december.csv");
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    private static string Quote(string field) => "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    [Fact]
    public void A_GTD_file_starting_in_December_makes_that_year_partial_and_the_next_has_no_change_and_no_record_against_it()
    {
        using var db = DatabaseLocation.Parse("sqlite:" + _dir.File("gtd.db")).Open(_clock);
        new Importer(db.Incidents, IncidentNormalizer.Bundled()).Import(GtdFromDecember(), new ImportOptions { Author = "test" }, cancellationToken: TestContext.Current.CancellationToken);
        var scope = new ScopeParser(ReferenceData.Bundled).Resolve(new ScopeInput(), db.Datasets);

        var series = SeriesBuilder.Build(db.Incidents, new SeriesRequest(scope.Query, PeriodUnit.Year, Coverage: scope.Coverage));
        var rows = SeriesRows.Of(series, ClaimMetric.Attacks).ToDictionary(r => r.Period);

        Assert.Equal(["gtd"], scope.Datasets.Select(d => d.Name));
        Assert.Equal("partial", rows["2007"].Coverage);
        Assert.Equal(3, rows["2007"].Incidents);
        Assert.Equal("full", rows["2008"].Coverage);
        Assert.Equal(12, rows["2008"].Incidents);
        // 12 against 3 would be "+300 %", and 2008 "the highest year since records began": neither is said.
        Assert.Null(rows["2008"].ChangePreviousPercent);
        Assert.Null(rows["2008"].ChangePrevious);
        Assert.Null(rows["2008"].Record);
        // 2009 against a fully covered 2008 is a change; still no record on two years of basis.
        Assert.Equal(100.0, rows["2009"].ChangePreviousPercent);
        Assert.Null(rows["2009"].Record);
    }

    [Fact]
    public void One_accepted_2024_report_on_the_bundled_data_makes_no_record_and_no_zero_months()
    {
        using var db = DatabaseLocation.Parse("sqlite:" + _dir.File("bundled.db")).Open(_clock);
        new Importer(db.Incidents, IncidentNormalizer.Bundled()).Import(RepoFiles.BundledUcdp, new ImportOptions { Author = "test" }, cancellationToken: TestContext.Current.CancellationToken);
        db.Incidents.Create(new Incident
        {
            Date = IncidentDate.OnDay(new DateOnly(2024, 3, 12)),
            Place = new Place { Country = "Pakistan", Admin1 = "Khyber Pakhtunkhwa", Admin2 = "Peshawar" },
            EventType = EventType.SuicideBombing,
            Killed = CasualtyCount.Exactly(9),
        }, new ChangeContext("analyst:amina", "accepted from the news"));
        var reports = new MonthlyReports(db, ReferenceData.Bundled, _clock);

        // The default view stays on the primary dataset's latest covered month.
        var latest = reports.Build(new MonthlyReportRequest { WithAccountability = false });
        Assert.Equal("2021-12", latest.Month.Label);

        // Every dataset, combined: March 2024 holds the report but no comprehensive dataset covers it.
        var march = reports.Build(new MonthlyReportRequest { Month = "2024-03", Datasets = ["all"], WithAccountability = false }).Report;
        Assert.Equal(1, march.Headlines[0].Value);
        Assert.DoesNotContain(march.Statements, s => s.Contains("since", StringComparison.Ordinal));
        Assert.Contains(march.Statements, s => s.Contains("cover only part of March 2024", StringComparison.Ordinal));
        Assert.Equal("partial", march.Trend[^1].Coverage);
        // The months between the data's end and the report are no data, never zeros.
        var between = march.Trend.Where(p => string.CompareOrdinal(p.Period, "2022-01") >= 0 && string.CompareOrdinal(p.Period, "2024-02") <= 0).ToList();
        Assert.Equal(23, between.Count);
        Assert.All(between, p => Assert.Equal(("none", (long?)null, (long?)null), (p.Coverage, p.Incidents, p.Killed)));
    }
}

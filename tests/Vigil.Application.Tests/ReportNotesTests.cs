using Vigil.Application.Reference;
using Vigil.Application.Reports;
using Vigil.Application.Scopes;
using Vigil.Domain.Errors;
using Vigil.Ingestion;
using Vigil.Ingestion.Normalization;
using Vigil.Storage;
using Vigil.Storage.Backends;
using Vigil.TestSupport;

namespace Vigil.Application.Tests;

/// <summary>Key findings belong to one month and one scope, keep every version, and are printed in that report only.</summary>
public sealed class ReportNotesTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TestClock _clock = new();

    private IVigilDatabase Bundled()
    {
        var db = DatabaseLocation.Parse("sqlite:" + _dir.File("bundled.db")).Open(_clock);
        new Importer(db.Incidents, IncidentNormalizer.Bundled()).Import(RepoFiles.BundledUcdp, new ImportOptions { Author = "test" }, cancellationToken: TestContext.Current.CancellationToken);
        return db;
    }

    [Fact]
    public void Findings_are_printed_in_the_report_of_their_month_and_scope_only()
    {
        using var db = Bundled();
        var notes = new ReportNotes(db, ReferenceData.Bundled, _clock);
        var balochistan = new MonthlyReportRequest { Month = "2021-12", Province = "Balochistan" };
        notes.Save(balochistan, "Quetta saw the worst of it.", "amina");

        var reports = new MonthlyReports(db, ReferenceData.Bundled, _clock);
        Assert.Equal("Quetta saw the worst of it.", reports.Build(balochistan).Report.Findings?.Markdown);
        Assert.Equal("amina", reports.Build(balochistan).Report.Findings?.SavedBy);
        // The same month for the country, another month for the province, and the province's militant attacks only: none.
        Assert.Null(reports.Build(new MonthlyReportRequest { Month = "2021-12" }).Report.Findings);
        Assert.Null(reports.Build(balochistan with { Month = "2021-11" }).Report.Findings);
        Assert.Null(reports.Build(balochistan with { Filters = new ScopeInput { Categories = ["militant-attack"] } }).Report.Findings);
        // "All datasets" on a database that holds one dataset is that dataset: the same scope, the same findings.
        Assert.NotNull(reports.Build(balochistan with { Datasets = ["all"] }).Report.Findings);
        // Another spelling of the same province is the same scope.
        Assert.NotNull(reports.Build(balochistan with { Province = "baluchistan" }).Report.Findings);
    }

    [Fact]
    public void Every_version_is_kept_the_latest_is_printed_and_an_empty_one_clears_them()
    {
        using var db = Bundled();
        var notes = new ReportNotes(db, ReferenceData.Bundled, _clock);
        var request = new MonthlyReportRequest { Month = "2021-12" };

        notes.Save(request, "First draft.", "amina");
        _clock.Advance(TimeSpan.FromMinutes(5));
        notes.Save(request, "Second draft.\r\n", "bilal");
        Assert.Equal("Second draft.", notes.Latest(request)!.Markdown);
        notes.Save(request, "   ", "amina");

        Assert.Equal(["", "Second draft.", "First draft."], notes.History(request).Select(n => n.Markdown));
        Assert.Equal(["amina", "bilal", "amina"], notes.History(request).Select(n => n.SavedBy));
        Assert.Null(new MonthlyReports(db, ReferenceData.Bundled, _clock).Build(request).Report.Findings);
    }

    [Theory]
    [InlineData(null, "month")]
    [InlineData("2021", "month")]
    [InlineData("2021-13", "month")]
    public void A_missing_or_bad_month_is_refused_naming_the_field(string? month, string field)
    {
        using var db = Bundled();
        var e = Assert.Throws<FieldException>(() => new ReportNotes(db, ReferenceData.Bundled, _clock).Save(new MonthlyReportRequest { Month = month }, "x", "amina"));
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void Findings_too_long_or_not_text_are_refused_and_nothing_is_saved()
    {
        using var db = Bundled();
        var notes = new ReportNotes(db, ReferenceData.Bundled, _clock);
        var request = new MonthlyReportRequest { Month = "2021-12" };

        Assert.Equal("findings", Assert.Throws<FieldException>(() => notes.Save(request, new string('x', Vigil.Reports.FindingsText.MaxLength + 1), "amina")).Field);
        Assert.Equal("findings", Assert.Throws<FieldException>(() => notes.Save(request, "bad \uD800 text", "amina")).Field);
        Assert.Empty(notes.History(request));
    }

    public void Dispose() => _dir.Dispose();
}

using PdfSharp.Pdf.IO;
using Vigil.Accountability;
using Vigil.Accountability.Files;
using Vigil.Domain.Time;
using Vigil.Reports.Building;
using Vigil.Reports.Model;
using Vigil.Storage.Relational;
using Vigil.Storage.Sqlite;
using Vigil.TestSupport;

namespace Vigil.Reports.Tests;

/// <summary>The monthly assessment's section on crossings and commitments, over the shipped worked example.</summary>
public sealed class AccountabilitySectionTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly SqliteIncidentStore _store;
    private readonly AccountabilityService _service;

    public AccountabilitySectionTests()
    {
        var clock = new TestClock();
        _store = SqliteIncidentStore.Open(_dir.File("vigil.db"), clock);
        var accountability = new RelationalAccountabilityStore(_store);
        AccountabilityImporter.Import(accountability, RepoFiles.Path_("data", "accountability", "worked-example.yaml"));
        _service = new AccountabilityService(_store, accountability, clock);
    }

    [Fact]
    public void February_2023_has_the_Torkham_closure_and_no_commitment_due()
    {
        var section = AccountabilitySectionBuilder.Build(_service, Period.Parse("2023-02"))!;

        Assert.Equal(["Torkham: closed 5 of 28 days (closed from 24 February 2023 to 28 February 2023, 5 day(s) in all)."], section.Crossings);
        Assert.Empty(section.Commitments);
    }

    [Fact]
    public void June_2015_ends_the_sample_commitments_evaluation_window_and_says_it_is_sample()
    {
        var section = AccountabilitySectionBuilder.Build(_service, Period.Parse("2015-06"))!;

        var line = Assert.Single(section.Commitments);
        Assert.StartsWith("Sample party A, sample-ttp-2014 (sample): its evaluation window ends. Measured: ", line, StringComparison.Ordinal);
        Assert.Equal(["No recorded closure at any of the 5 crossings monitored."], section.Crossings);
    }

    [Fact]
    public void July_2015_lists_the_score_given_that_month()
    {
        var line = Assert.Single(AccountabilitySectionBuilder.Build(_service, Period.Parse("2015-07"))!.Commitments);
        Assert.Contains("scored 1 (minimal) on 1 July 2015", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_without_crossings_or_commitments_gets_no_section()
    {
        using var dir = new TempDirectory();
        using var empty = SqliteIncidentStore.Open(dir.File("empty.db"));
        var service = new AccountabilityService(empty, new RelationalAccountabilityStore(empty), new TestClock());
        Assert.Null(AccountabilitySectionBuilder.Build(service, Period.Parse("2023-02")));
    }

    [Theory]
    [InlineData("html", "<h2>Border crossings and commitments</h2>")]
    [InlineData("md", "## Border crossings and commitments")]
    public void Html_and_markdown_show_the_section_with_its_sentences(string format, string heading)
    {
        var report = SampleReport.Create() with { Accountability = AccountabilitySectionBuilder.Build(_service, Period.Parse("2023-02")) };
        var path = _dir.File("report." + format);
        ReportRenderers.For(format)!.Render(report, path);
        var text = File.ReadAllText(path);

        Assert.Contains(heading, text, StringComparison.Ordinal);
        Assert.Contains("Torkham: closed 5 of 28 days", text, StringComparison.Ordinal);
        Assert.Contains("No commitment was due, scored or at the end of its evaluation window this month.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_shows_the_section_with_its_sentences()
    {
        const string pdftotext = "/usr/bin/pdftotext";
        if (!File.Exists(pdftotext))
        {
            var message = "needs pdftotext to read the PDF's text (apt-get install poppler-utils)";
            if (SharedData.IsCi)
                Assert.Fail("CI=true but " + message);
            Assert.Skip(message);
        }
        var withSection = SampleReport.Create() with { Accountability = AccountabilitySectionBuilder.Build(_service, Period.Parse("2023-02")) };
        var path = _dir.File("report.pdf");
        ReportRenderers.For("pdf")!.Render(withSection, path);

        using var document = PdfReader.Open(path, PdfDocumentOpenMode.Import);
        Assert.True(document.PageCount >= 2);
        Assert.Equal(withSection.Title, document.Info.Title);
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(pdftotext, [path, "-"]) { RedirectStandardOutput = true })!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Contains("Border crossings and commitments", text, StringComparison.Ordinal);
        Assert.Contains("Torkham: closed 5 of 28 days", text, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }
}

using Vigil.Domain.Errors;
using Vigil.Ingestion.Formats;
using Vigil.Ingestion.Tests.Support;
using Vigil.TestSupport;

namespace Vigil.Ingestion.Tests;

/// <summary>Every format is told from its header (or, for JSON, its first character).</summary>
public class FormatDetectionTests
{
    [Fact]
    public void Detect_recognises_the_UCDP_GED_file()
    {
        Assert.Equal("ucdp-ged", ImportFormats.Detect(RepoFiles.BundledUcdp));
    }

    [Fact]
    public void Detect_recognises_the_PBC_suicide_attack_file()
    {
        Assert.Equal("pbc-suicide", ImportFormats.Detect(SharedData.PbcSuicide));
    }

    [Fact]
    public void Detect_recognises_the_PBC_drone_strike_file()
    {
        Assert.Equal("pbc-drone", ImportFormats.Detect(SharedData.PbcDrone));
    }

    [Theory]
    [InlineData("acled-pakistan-sample.csv", "acled")]
    [InlineData("gtd-pakistan-sample.csv", "gtd")]
    public void Detect_recognises_ACLED_and_GTD_exports(string fixture, string format)
    {
        Assert.Equal(format, ImportFormats.Detect(TestFiles.Fixture(fixture)));
    }

    [Theory]
    [InlineData(Exports.Csv, "vigil-csv")]
    [InlineData(Exports.JsonArray, "vigil-json")]
    [InlineData(Exports.JsonLines, "vigil-json")]
    public void Detect_recognises_Vigil_s_own_exports(string export, string format)
    {
        using var db = new TestDatabase();
        db.Import(TestFiles.Fixture("acled-pakistan-sample.csv"));

        var path = Exports.Write(db.Store, export, db.Folder.File("export." + export));

        Assert.Equal(format, ImportFormats.Detect(path));
    }

    [Fact]
    public void Detect_refuses_a_header_it_does_not_know_and_names_the_file()
    {
        using var folder = new TempDirectory();
        var path = folder.Write("unknown.csv", "date,place,dead\n2023-01-30,Peshawar,12\n");

        var e = Assert.Throws<InputException>(() => ImportFormats.Detect(path));

        Assert.Equal(new InputLocation(path, 1, 1), e.Location);
        Assert.StartsWith(path + ":1:1: cannot tell the format", e.Message, StringComparison.Ordinal);
    }
}

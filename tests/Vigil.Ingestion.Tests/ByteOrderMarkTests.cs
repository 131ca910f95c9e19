using System.Text;
using Vigil.Domain.Incidents;
using Vigil.Ingestion.Formats;
using Vigil.Ingestion.Tests.Support;
using Vigil.Storage;
using Vigil.TestSupport;

namespace Vigil.Ingestion.Tests;

/// <summary>
/// Excel's "CSV UTF-8" puts a byte-order mark before the header. It must not hide the first column from
/// format detection or from the importer.
/// </summary>
public class ByteOrderMarkTests
{
    [Theory]
    [InlineData("acled-pakistan-sample.csv", "acled")]
    [InlineData("gtd-pakistan-sample.csv", "gtd")]
    public void A_file_saved_with_a_UTF8_byte_order_mark_imports_like_the_same_file_without_one(string fixture, string format)
    {
        using var plain = new TestDatabase();
        plain.Import(TestFiles.Fixture(fixture));
        using var marked = new TestDatabase();
        var path = marked.Folder.Write(fixture, [.. Encoding.UTF8.Preamble, .. File.ReadAllBytes(TestFiles.Fixture(fixture))]);

        var result = marked.Import(path);

        Assert.Equal(format, ImportFormats.Detect(path));
        Assert.Equal(format, result.Format);
        AssertSameIncidents(plain.Store, marked.Store);
    }

    [Fact]
    public void The_PBC_suicide_file_re_saved_as_UTF8_with_a_byte_order_mark_imports_like_the_original()
    {
        using var original = new TestDatabase();
        original.Import(SharedData.PbcSuicide);
        using var resaved = new TestDatabase();
        // Written to the temporary folder only: the PBC files are never copied into the repository.
        var text = File.ReadAllText(SharedData.PbcSuicide, Encoding.Latin1);
        var path = resaved.Folder.File("PakistanSuicideAttacks.csv");
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var result = resaved.Import(path);

        Assert.Equal("pbc-suicide", result.Format);
        AssertSameIncidents(original.Store, resaved.Store);
    }

    private static void AssertSameIncidents(IIncidentStore expected, IIncidentStore actual)
    {
        var before = expected.Query(IncidentQuery.All, includeSources: true).ToDictionary(i => i.SourceRecord!.ToString());
        var after = actual.Query(IncidentQuery.All, includeSources: true).ToDictionary(i => i.SourceRecord!.ToString());
        Assert.NotEmpty(before);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        Assert.All(before, p => Assert.Empty(IncidentFields.Diff(p.Value, after[p.Key])));
    }
}

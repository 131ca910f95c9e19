using System.Globalization;
using Vigil.Ingestion.Tests.Support;
using Vigil.Storage;

namespace Vigil.Ingestion.Tests;

/// <summary><c>--skip-invalid</c>: the good rows go in, the bad ones go to a rejects file with their reasons.</summary>
public class SkipInvalidTests
{
    private static readonly string Mixed = TestFiles.BadInput("skip-invalid.csv");

    /// <summary>The rows of the file that cannot be accepted, found here without the importer.</summary>
    private static bool IsBad(CsvRecord row) =>
        !int.TryParse(row["best"], NumberStyles.None, CultureInfo.InvariantCulture, out _)
        || Math.Abs(double.Parse(row["latitude"], CultureInfo.InvariantCulture)) > 90;

    [Fact]
    public void Skip_invalid_imports_the_good_rows_of_a_file_with_bad_ones()
    {
        var rows = CsvTable.Ucdp(Mixed).Rows;
        var good = rows.Where(r => !IsBad(r)).Select(r => r["id"]).ToList();
        using var db = new TestDatabase();

        var result = db.Import(Mixed, new ImportOptions { SkipInvalid = true, RejectsPath = db.Folder.File("rejects.csv") });

        Assert.Equal(4, good.Count);
        Assert.Equal(good.Count, result.Summary.Created);
        Assert.Equal(good.Order(StringComparer.Ordinal), db.Store.Query(IncidentQuery.All).Select(i => i.SourceRecord!.RecordId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Skip_invalid_writes_exactly_the_bad_rows_with_their_line_and_error()
    {
        var source = CsvTable.Ucdp(Mixed);
        var bad = source.Rows.Where(IsBad).ToDictionary(r => r["id"]);
        using var db = new TestDatabase();
        var rejectsPath = db.Folder.File("rejects.csv");

        var result = db.Import(Mixed, new ImportOptions { SkipInvalid = true, RejectsPath = rejectsPath });
        var rejects = CsvTable.Utf8(rejectsPath);

        Assert.Equal(rejectsPath, result.RejectsFile);
        Assert.Equal([.. source.Header, "vigil_line", "vigil_error"], rejects.Header);
        Assert.Equal(2, bad.Count);
        Assert.Equal(bad.Keys.Order(StringComparer.Ordinal), rejects.Rows.Select(r => r["id"]).Order(StringComparer.Ordinal));
        foreach (var rejected in rejects.Rows)
        {
            // The row as it was in the file, then where and why.
            Assert.Equal(bad[rejected["id"]].Fields, rejected.Fields.Take(source.Header.Count));
            var (line, field) = rejected["id"] == "59651" ? ("7", "best") : ("9", "latitude");
            Assert.Equal(line, rejected["vigil_line"]);
            // The file by its name only: a rejects file is handed out (the API serves it) and must not show folders.
            Assert.StartsWith($"{Path.GetFileName(Mixed)}:{line}:", rejected["vigil_error"], StringComparison.Ordinal);
            Assert.Contains($": {field}: ", rejected["vigil_error"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Skip_invalid_counts_add_up_to_the_rows_of_the_file()
    {
        var rows = CsvTable.Ucdp(Mixed).Rows;
        using var db = new TestDatabase();

        var result = db.Import(Mixed, new ImportOptions { SkipInvalid = true, RejectsPath = db.Folder.File("rejects.csv") });
        var s = result.Summary;
        var recorded = Assert.Single(db.Store.GetImports()).Summary;

        Assert.Equal(rows.Count, result.RowsRead);
        Assert.Equal(rows.Count(IsBad), s.Rejected);
        Assert.Equal(rows.Count, s.Created + s.Updated + s.Unchanged + s.SkippedDeleted + s.Rejected);
        Assert.Equal(s.Created, db.Store.Count(IncidentQuery.All));
        Assert.Equal(s, recorded);
    }

    [Fact]
    public void Skip_invalid_writes_no_rejects_file_when_every_row_is_good()
    {
        using var db = new TestDatabase();
        var rejectsPath = db.Folder.File("rejects.csv");

        var result = db.Import(TestFiles.BadInput("good.csv"), new ImportOptions { SkipInvalid = true, RejectsPath = rejectsPath });

        Assert.Null(result.RejectsFile);
        Assert.False(File.Exists(rejectsPath));
        Assert.Equal(0, result.Summary.Rejected);
    }
}

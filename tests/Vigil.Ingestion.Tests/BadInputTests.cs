using System.Text;
using Vigil.Domain.Errors;
using Vigil.Ingestion.Tests.Support;
using Vigil.Storage;

namespace Vigil.Ingestion.Tests;

/// <summary>
/// Each broken file (BadInput/README.md) is refused with an error that names the file and, where it
/// applies, the line, column and field, and leaves a database that already holds a good import exactly
/// as it was.
/// </summary>
public class BadInputTests
{
    private const int BrokenLine = 7;

    [Fact]
    public void Import_refuses_a_file_separated_by_semicolons()
    {
        var e = AssertRefused("semicolons.csv", line: 1, column: 1);

        Assert.Contains("separated by ';'", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_refuses_a_UTF8_file_with_a_Latin1_byte_and_names_the_line_and_field()
    {
        var e = AssertRefused("latin1-byte.csv", BrokenLine, "where_description");

        Assert.Contains("not valid UTF-8", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_refuses_a_UTF16_file()
    {
        var e = AssertRefused("utf16.csv", line: 1, column: 1);

        Assert.Contains("UTF-16", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_refuses_a_file_missing_a_required_column_and_names_the_column()
    {
        var e = AssertRefused("missing-column.csv", line: 1, column: 1, field: "low");

        Assert.Contains("required column is missing", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_rejects_a_row_with_a_count_that_is_not_a_number()
    {
        var e = AssertRefused("non-numeric-count.csv", BrokenLine, "best");

        Assert.Contains("'twelve' is not a whole number", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_rejects_a_row_with_a_negative_count()
    {
        var e = AssertRefused("negative-count.csv", BrokenLine, "best");

        Assert.Contains("-4 is negative", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_rejects_a_row_with_latitude_out_of_range()
    {
        var e = AssertRefused("latitude-95.csv", BrokenLine, "latitude");

        Assert.Contains("95.57173 is not a latitude", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_rejects_a_row_dated_in_the_year_0025()
    {
        var e = AssertRefused("year-0025.csv", BrokenLine, "date_start");

        Assert.Contains("year 0025", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_refuses_an_empty_file()
    {
        var e = AssertRefused("empty.csv", line: null);

        Assert.Contains("empty", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_refuses_a_file_with_a_header_and_no_rows()
    {
        var e = AssertRefused("header-only.csv", line: null);

        Assert.Contains("no data rows", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_rejects_an_id_that_appears_twice_in_one_file()
    {
        var e = AssertRefused("duplicate-ids.csv", BrokenLine, column: 1);

        Assert.Contains("'372974' appears more than once", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_rejects_a_file_whose_last_row_is_cut_short()
    {
        var header = CsvTable.Utf8(TestFiles.BadInput("truncated.csv")).Header.Count;

        var e = AssertRefused("truncated.csv", line: BrokenLine + 1, column: 1);

        Assert.Contains($"expected {header} fields", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_rejects_a_50_MB_field_and_names_the_line_where_its_row_starts()
    {
        using var db = PreparedDatabase();
        var path = WithLongHeadline(db, 50 * 1024 * 1024);
        var before = db.Fingerprint();

        var e = Assert.Throws<InputException>(() => db.Import(path));

        Assert.Equal(before, db.Fingerprint());
        // Too long for the CSV reader to hand the row over, so its field cannot be told; the line can.
        AssertLocation(e, path, BrokenLine, 1, null);
        Assert.Contains("too long to read", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_rejects_a_field_over_the_field_length_limit_and_names_it()
    {
        using var db = PreparedDatabase();
        var path = WithLongHeadline(db, 2 * 1024 * 1024);
        var before = db.Fingerprint();

        var e = Assert.Throws<InputException>(() => db.Import(path));

        Assert.Equal(before, db.Fingerprint());
        AssertLocation(e, path, BrokenLine, ColumnOf(path, BrokenLine, "source_headline"), "source_headline");
        Assert.Contains("characters long; the limit is", e.Problem, StringComparison.Ordinal);
    }

    /// <summary>Lines 1-6 of a bad file as they are, then its line 7 repaired but for a headline of <paramref name="length"/> characters.</summary>
    private static string WithLongHeadline(TestDatabase db, int length)
    {
        var source = File.ReadAllBytes(TestFiles.BadInput("latitude-95.csv"));
        var lines = PhysicalLines(TestFiles.BadInput("latitude-95.csv"));
        var header = lines[0].Split(',');
        var fields = lines[BrokenLine - 1].Split(',');
        fields[Array.IndexOf(header, "latitude")] = "34.571730";
        var headline = Array.IndexOf(header, "source_headline");
        var startOfBrokenLine = 0;
        for (var i = 1; i < BrokenLine; i++)
            startOfBrokenLine = Array.IndexOf(source, (byte)'\n', startOfBrokenLine) + 1;

        var path = db.Folder.File("long-field.csv");
        using var file = File.Create(path);
        file.Write(source, 0, startOfBrokenLine);
        file.Write(Encoding.UTF8.GetBytes(string.Join(',', fields.Take(headline)) + ","));
        var chunk = new byte[1 << 20];
        Array.Fill(chunk, (byte)'x');
        for (var left = length; left > 0; left -= chunk.Length)
            file.Write(chunk, 0, Math.Min(left, chunk.Length));
        file.Write(Encoding.UTF8.GetBytes("," + string.Join(',', fields.Skip(headline + 1)) + "\r\n"));
        return path;
    }

    private static InputException AssertRefused(string name, long line, string field) =>
        AssertRefused(name, line, ColumnOf(TestFiles.BadInput(name), line, field), field);

    private static InputException AssertRefused(string name, long? line, int? column = null, string? field = null)
    {
        var path = TestFiles.BadInput(name);
        using var db = PreparedDatabase();
        var before = db.Fingerprint();

        var e = Assert.Throws<InputException>(() => db.Import(path));

        Assert.Equal(before, db.Fingerprint());
        AssertLocation(e, path, line, column, field);
        return e;
    }

    /// <summary>A database holding a good import, so that "unchanged" is not trivially true.</summary>
    private static TestDatabase PreparedDatabase()
    {
        var db = new TestDatabase();
        var result = db.Import(TestFiles.BadInput("good.csv"));
        Assert.Equal(3, result.Summary.Created);
        Assert.Equal(3, db.Store.Count(IncidentQuery.All));
        return db;
    }

    private static void AssertLocation(InputException e, string path, long? line, int? column, string? field)
    {
        Assert.Equal(new InputLocation(path, line, column, field), e.Location);
        var place = path + (line is null ? "" : $":{line}") + (column is null ? "" : $":{column}") + (field is null ? "" : $": {field}");
        Assert.Equal($"{place}: {e.Problem}", e.Message);
    }

    /// <summary>The file's lines as an editor counts them (the UCDP file ends records with CRLF but breaks lines inside quoted fields with LF).</summary>
    private static string[] PhysicalLines(string path) =>
        Encoding.Latin1.GetString(File.ReadAllBytes(path)).Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

    /// <summary>The 1-based character column where a field starts on a line with no quoted fields.</summary>
    private static int ColumnOf(string path, long line, string field)
    {
        var lines = PhysicalLines(path);
        var header = lines[0].Split(',');
        var text = lines[line - 1];
        Assert.DoesNotContain("\"", text, StringComparison.Ordinal);
        var index = Array.IndexOf(header, field);
        Assert.True(index >= 0, $"{field} is not in the header of {path}");
        return text.Split(',').Take(index).Sum(f => f.Length + 1) + 1;
    }
}

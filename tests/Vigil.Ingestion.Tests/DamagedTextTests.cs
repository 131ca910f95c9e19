using System.Text;
using System.Text.RegularExpressions;
using Vigil.Domain.Errors;
using Vigil.Ingestion.Tests.Support;
using Vigil.Storage;

namespace Vigil.Ingestion.Tests;

/// <summary>
/// GTD exports as analysts get them, with text damaged by earlier conversions (a U+FFFD replacement
/// character, which is valid UTF-8, or stray bytes that are not UTF-8) in columns Vigil reads and in columns
/// it does not. The files are written here, byte by byte.
/// </summary>
public partial class DamagedTextTests
{
    private const string Header =
        "eventid,iyear,imonth,iday,extended,resolution,country_txt,provstate,city,latitude,longitude,specificity,"
        + "attacktype1_txt,targtype1_txt,targsubtype1_txt,corp1,target1,gname,nkill,nwound";

    private static string Row(string id, string city = "Peshawar", string targetSubtype = "Police Checkpoint", string corp = "Khyber Pakhtunkhwa Police") =>
        $"{id},2014,3,15,0,,Pakistan,Khyber Pakhtunkhwa,{city},34.006004,71.537430,1,Bombing/Explosion,Police,{targetSubtype},{corp},Checkpoint,Unknown,2,5";

    [Fact]
    public void Damaged_text_in_columns_Vigil_does_not_read_imports_with_a_warning_naming_the_rows()
    {
        using var db = new TestDatabase();
        var path = db.Folder.Write("gtd-damaged.csv", Bytes(
            Header,
            Row("201403150001"),
            Row("201403150002", corp: "Pakistan Army \uFFFD Frontier Corps"),
            Row("201403150003", targetSubtype: "Police Building (headquarters{x96}station)"),
            Row("201403150004", corp: "Levies \uFFFD\uFFFD"),
            Row("201403150005")));

        var result = db.Import(path);

        Assert.Equal(5, result.Summary.Created);
        Assert.Equal(5, db.Store.Count(IncidentQuery.All));
        var corp = Assert.Single(result.Notices, n => n.Contains("column corp1", StringComparison.Ordinal));
        Assert.Contains("U+FFFD", corp, StringComparison.Ordinal);
        Assert.Contains("lines 3, 5;", corp, StringComparison.Ordinal);
        Assert.StartsWith(path + ": WARNING:", corp, StringComparison.Ordinal);
        var subtype = Assert.Single(result.Notices, n => n.Contains("column targsubtype1_txt", StringComparison.Ordinal));
        Assert.Contains("not valid UTF-8", subtype, StringComparison.Ordinal);
        Assert.Contains("line 4;", subtype, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clean_file_has_no_warning()
    {
        using var db = new TestDatabase();
        var path = db.Folder.Write("gtd-clean.csv", Bytes(Header, Row("201403150001")));

        var result = db.Import(path);

        Assert.DoesNotContain(result.Notices, n => n.Contains("WARNING", StringComparison.Ordinal));
    }

    [Fact]
    public void A_replacement_character_in_a_column_Vigil_reads_is_refused_showing_the_row_column_and_text()
    {
        using var db = new TestDatabase();
        var damaged = Row("201403150002", city: "Pesh\uFFFDwar");
        var path = db.Folder.Write("gtd-city.csv", Bytes(Header, Row("201403150001"), damaged));

        var e = Assert.Throws<InputException>(() => db.Import(path));

        Assert.Equal(new InputLocation(path, 3, ColumnOf(damaged, "city"), "city"), e.Location);
        Assert.Contains("U+FFFD", e.Problem, StringComparison.Ordinal);
        Assert.Contains("\"Pesh\uFFFDwar\"", e.Problem, StringComparison.Ordinal);
        Assert.Contains("valid UTF-8", e.Problem, StringComparison.Ordinal);
        Assert.Equal(0, db.Store.Count(IncidentQuery.All));
    }

    [Fact]
    public void A_byte_that_is_not_UTF8_in_a_column_Vigil_reads_is_refused_naming_the_byte()
    {
        using var db = new TestDatabase();
        var damaged = Row("201403150002", city: "Pesh{xE2}war");
        var path = db.Folder.Write("gtd-city-byte.csv", Bytes(Header, Row("201403150001"), damaged));

        var e = Assert.Throws<InputException>(() => db.Import(path));

        Assert.Equal(new InputLocation(path, 3, ColumnOf(damaged, "city"), "city"), e.Location);
        Assert.Contains("not valid UTF-8 (0xE2)", e.Problem, StringComparison.Ordinal);
        Assert.Contains("\"Pesh\\xE2war\"", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_skipped_for_a_bad_byte_is_written_to_the_rejects_file_byte_for_byte()
    {
        using var db = new TestDatabase();
        var damaged = Bytes(Row("201403150002", city: "Pesh{xE2}war", corp: "Levies{xFF}"));
        var path = db.Folder.Write("gtd-skip.csv", Bytes(Header, Row("201403150001"), Row("201403150002", city: "Pesh{xE2}war", corp: "Levies{xFF}")));
        var rejects = db.Folder.File("gtd-skip.rejected.csv");

        var result = db.Import(path, new ImportOptions { SkipInvalid = true, RejectsPath = rejects });

        Assert.Equal((1L, 1L), (result.Summary.Created, result.Summary.Rejected));
        var written = File.ReadAllBytes(rejects);
        Assert.True(written.AsSpan().IndexOf(damaged.AsSpan()[..^1]) >= 0, Encoding.Latin1.GetString(written));
    }

    [Fact]
    public void Text_cut_between_read_buffers_decodes_as_written_and_stray_bytes_are_counted_on_every_row()
    {
        // Rows dense in 2-, 3- and 4-byte characters, over many 64 KiB read buffers: the buffers' edges cut
        // characters, and a byte that is not UTF-8 sits in an unread column of every row.
        const int rows = 3000;
        const string text = "Pešāwar ڈیرہ اسماعیل خان €𝐓𝐓𝐏 Kōhāt";
        var header = Header + ",summary";
        var lines = Enumerable.Range(1, rows).Select(i => Row($"2014{i:D8}", corp: "Levies{xE9}") + $",\"{i}: {text}\"");
        using var db = new TestDatabase();
        var path = db.Folder.Write("gtd-long.csv", Bytes([header, .. lines]));
        Assert.True(new FileInfo(path).Length > 4 << 16);

        var result = db.Import(path);

        Assert.Equal(rows, result.Summary.Created);
        Assert.All(db.Store.Query(IncidentQuery.All), i => Assert.Contains($": {text}", i.Notes, StringComparison.Ordinal));
        var warning = Assert.Single(result.Notices, n => n.Contains("column corp1", StringComparison.Ordinal));
        Assert.Contains("(3,000 rows)", warning, StringComparison.Ordinal);
    }

    /// <summary>The 1-based character column where a field starts in a row with no quoted fields.</summary>
    private static int ColumnOf(string row, string column)
    {
        var index = Array.IndexOf(Header.Split(','), column);
        return row.Split(',').Take(index).Sum(f => Tokens().Replace(f, "?").Length + 1) + 1;
    }

    /// <summary>The lines as UTF-8, each <c>{xHH}</c> written as the single byte HH (not UTF-8 on its own).</summary>
    private static byte[] Bytes(params string[] lines)
    {
        var text = string.Join("\n", lines) + "\n";
        var bytes = new List<byte>();
        var at = 0;
        foreach (Match m in Tokens().Matches(text))
        {
            bytes.AddRange(Encoding.UTF8.GetBytes(text[at..m.Index]));
            bytes.Add(Convert.ToByte(m.Groups[1].Value, 16));
            at = m.Index + m.Length;
        }
        bytes.AddRange(Encoding.UTF8.GetBytes(text[at..]));
        return [.. bytes];
    }

    [GeneratedRegex(@"\{x([0-9A-F]{2})\}")]
    private static partial Regex Tokens();
}

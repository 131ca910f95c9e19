using System.Text;
using Vigil.TestSupport;

namespace Vigil.Reliability.Tests;

/// <summary>One malformed file: its path, the format it claims to be (null: left to detection), and what is wrong.</summary>
public sealed record BadFile(string Path, string? Format, string Flaw);

/// <summary>
/// The bad-input corpus, written into a folder at the start of the run: for every importer a small good
/// file (the repository's own samples; the Pakistan Body Count files are read from ../shared and may not
/// be shipped, so their samples are cut from them here) and, from it, the same file truncated in the middle
/// of a record, re-encoded as UTF-16 without a byte-order mark, reduced to its header, with a record
/// repeated, and with mixed line endings (which is not an error and must import exactly as the original);
/// plus an empty file, binary junk, a header naming a column twice, and a line of ten million empty columns.
/// </summary>
public static class BadInputCorpus
{
    public sealed record Good(string Format, string Path, int HeaderLines);

    /// <summary>The good sample of each importer, written into <paramref name="folder"/>.</summary>
    public static IReadOnlyList<Good> GoodFiles(string folder, Func<string, string, string> exportVigil)
    {
        var ucdp = RepoFiles.Path_("tests", "Vigil.Ingestion.Tests", "BadInput", "good.csv");
        var list = new List<Good>
        {
            // good.csv has HDX's HXL tag row after the header: both are "header" here.
            new("ucdp-ged", ucdp, 2),
            new("acled", RepoFiles.Path_("tests", "Vigil.Ingestion.Tests", "Fixtures", "acled-pakistan-sample.csv"), 1),
            new("gtd", RepoFiles.Path_("tests", "Vigil.Ingestion.Tests", "Fixtures", "gtd-pakistan-sample.csv"), 1),
            new("pbc-suicide", Head(SharedData.PbcSuicide, Path.Combine(folder, "pbc-suicide-good.csv"), 8), 1),
            new("pbc-drone", Head(SharedData.PbcDrone, Path.Combine(folder, "pbc-drone-good.csv"), 8), 1),
            new("vigil-csv", exportVigil("csv", Path.Combine(folder, "vigil-good.csv")), 1),
            new("vigil-json", exportVigil("jsonl", Path.Combine(folder, "vigil-good.jsonl")), 0),
        };
        return list;
    }

    /// <summary>The malformed files derived from the good ones, and the format-free ones.</summary>
    public static IReadOnlyList<BadFile> Write(string folder, IReadOnlyList<Good> goods)
    {
        var bad = new List<BadFile>();
        foreach (var good in goods)
        {
            var bytes = File.ReadAllBytes(good.Path);
            var latin1 = Encoding.Latin1.GetString(bytes);
            var lines = SplitLines(latin1);
            var stem = Path.Combine(folder, good.Format);

            // Cut right after the first separator of the last record: that record is left with one field.
            var last = lines[^1];
            var separator = good.Format == "vigil-json" ? last.IndexOf(':', StringComparison.Ordinal) : last.IndexOf(',', StringComparison.Ordinal);
            var truncated = string.Concat(lines.Take(lines.Count - 1)) + last[..(separator + 1)];
            bad.Add(Save(stem + "-truncated", truncated, good.Format, "truncated in the middle of the last record"));

            var text = Encoding.UTF8.GetString(bytes);
            bad.Add(new BadFile(SaveBytes(stem + "-utf16", new UnicodeEncoding(false, false).GetBytes(text)), good.Format, "UTF-16 without a byte-order mark"));
            if (good.HeaderLines > 0)
                bad.Add(Save(stem + "-header-only", string.Concat(lines.Take(good.HeaderLines)), good.Format, "the header and no records"));
            bad.Add(Save(stem + "-duplicate", string.Concat(lines) + EnsureNewline(lines[^1]).Trim('\r', '\n') + "\r\n", good.Format, "the last record twice"));
        }
        bad.Add(Save(Path.Combine(folder, "repeated-column-name"), "id,relid,id,year\r\n1,a,2,2014\r\n", "ucdp-ged", "a header naming one column twice"));
        var rng = new Random(7);
        var junk = new byte[64 * 1024];
        rng.NextBytes(junk);
        bad.Add(new BadFile(SaveBytes(Path.Combine(folder, "binary-junk"), junk), null, "random bytes"));
        bad.Add(new BadFile(SaveBytes(Path.Combine(folder, "binary-junk-as-ucdp"), junk), "ucdp-ged", "random bytes, said to be UCDP"));
        bad.Add(new BadFile(SaveBytes(Path.Combine(folder, "empty"), []), null, "an empty file"));
        var wide = Path.Combine(folder, "ten-million-columns.csv");
        using (var w = new StreamWriter(wide, false, new UTF8Encoding(false)))
        {
            w.Write('a');
            w.Write(new string(',', 10_000_000));
            w.Write("\r\n");
        }
        bad.Add(new BadFile(wide, null, "one line of ten million empty columns"));
        bad.Add(new BadFile(wide, "ucdp-ged", "ten million empty columns, said to be UCDP"));
        bad.Add(new BadFile(wide, "vigil-csv", "ten million empty columns, said to be Vigil CSV"));
        return bad;
    }

    /// <summary>The good file with line endings alternating CRLF and LF.</summary>
    public static string MixedLineEndings(Good good, string folder)
    {
        var lines = SplitLines(Encoding.Latin1.GetString(File.ReadAllBytes(good.Path)));
        var sb = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
            sb.Append(lines[i].TrimEnd('\r', '\n')).Append(i % 2 == 0 ? "\r\n" : "\n");
        var path = Path.Combine(folder, good.Format + "-mixed-endings" + Path.GetExtension(good.Path));
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes(sb.ToString()));
        return path;
    }

    /// <summary>Physical lines with their endings, except that a quoted field's line breaks stay inside its record.</summary>
    private static List<string> SplitLines(string text)
    {
        var records = new List<string>();
        var start = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"')
                quoted = !quoted;
            else if (text[i] == '\n' && !quoted)
            {
                records.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }
        if (start < text.Length)
            records.Add(text[start..]);
        return records.Where(r => r.Trim().Length > 0).ToList();
    }

    private static string EnsureNewline(string line) => line.EndsWith('\n') ? line : line + "\r\n";

    private static string Head(string source, string target, int records)
    {
        var lines = SplitLines(Encoding.Latin1.GetString(File.ReadAllBytes(source)));
        File.WriteAllBytes(target, Encoding.Latin1.GetBytes(string.Concat(lines.Take(records + 1).Select(EnsureNewline))));
        return target;
    }

    private static BadFile Save(string stem, string latin1Text, string format, string flaw) =>
        new(SaveBytes(stem + (format == "vigil-json" ? ".jsonl" : ".csv"), Encoding.Latin1.GetBytes(latin1Text)), format, flaw);

    private static string SaveBytes(string path, byte[] bytes)
    {
        File.WriteAllBytes(path, bytes);
        return path;
    }
}

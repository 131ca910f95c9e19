using System.Text;
using System.Text.RegularExpressions;
using Vigil.Storage.Backends;
using Vigil.TestSupport;

namespace Vigil.Reliability.Tests;

/// <summary>
/// Every file of the bad-input corpus, imported through the real command line into a database that already
/// holds data: a non-zero exit, one error line that names the file (and, for a bad record, its line), and
/// every table exactly as it was. On SQLite and on PostgreSQL.
/// </summary>
public sealed partial class BadInputTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [GeneratedRegex(@":\d+(:\d+)?: ")]
    private static partial Regex LinePosition();

    private static (int Code, string Output, string Error) Vigil(params string[] args) => VigilRun.Run(args);

    private string Export(string db, string format, string path)
    {
        var (code, _, error) = Vigil("export", "--db", db, "--format", format, "--out", path);
        Assert.True(code == 0, error);
        return path;
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void Every_bad_file_gives_its_error_and_changes_nothing(string backend)
    {
        var db = backend == "sqlite" ? "sqlite:" + _dir.File("vigil.db") : "postgres:" + PostgresServer.CreateDatabase();
        var good = RepoFiles.Path_("tests", "Vigil.Ingestion.Tests", "BadInput", "good.csv");
        Assert.Equal(0, Vigil("import", "--db", db, good).Code);
        var corpus = Directory.CreateDirectory(_dir.File("corpus")).FullName;
        var goods = BadInputCorpus.GoodFiles(corpus, (format, path) => Export(db, format, path));
        var files = BadInputCorpus.Write(corpus, goods);

        var location = DatabaseLocation.Parse(db);
        IReadOnlyList<TableChecksum> Sums()
        {
            using var store = location.Open();
            return TableChecksums.Compute(store);
        }
        var before = Sums();
        var failures = new List<string>();
        foreach (var file in files)
        {
            string[] args = file.Format is null ? ["import", "--db", db, file.Path] : ["import", "--db", db, "--format", file.Format, file.Path];
            var started = DateTime.UtcNow;
            var (code, _, error) = Vigil(args);
            var line = error.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
            File.AppendAllText(_dir.File("log.txt"), $"{Path.GetFileName(file.Path)} {file.Format} {(DateTime.UtcNow - started).TotalSeconds:F1}s code {code}: {line[..Math.Min(line.Length, 400)]}\n");
            if (line.Length > 2000)
                failures.Add($"{Path.GetFileName(file.Path)} ({file.Flaw}): an error line of {line.Length:N0} characters");
            line = line[..Math.Min(line.Length, 2000)];
            var name = Path.GetFileName(file.Path);
            if (code == 0)
                failures.Add($"{name} ({file.Flaw}): accepted");
            else if (!line.StartsWith($"vigil: {file.Path}", StringComparison.Ordinal))
                failures.Add($"{name} ({file.Flaw}): the error does not start with the file: {line}");
            else if (file.Flaw.StartsWith("truncated", StringComparison.Ordinal) || file.Flaw.StartsWith("the last record twice", StringComparison.Ordinal))
            {
                if (!LinePosition().IsMatch(line))
                    failures.Add($"{name} ({file.Flaw}): the error names no line: {line}");
            }
            if ((DateTime.UtcNow - started).TotalSeconds > 60)
                failures.Add($"{name}: took more than a minute");
            var now = Sums();
            if (TableChecksums.Differences(before, now) is { Count: > 0 } changed)
                failures.Add($"{name} ({file.Flaw}): changed the database: {string.Join("; ", changed)}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Summaries.Write($"bad input ({backend}): {files.Count} malformed files for {goods.Count} importers, each refused with its error, database unchanged");
    }

    [Fact]
    public void Mixed_line_endings_import_exactly_as_the_original()
    {
        var corpus = Directory.CreateDirectory(_dir.File("mixed")).FullName;
        var seed = "sqlite:" + _dir.File("seed.db");
        Assert.Equal(0, Vigil("import", "--db", seed, RepoFiles.Path_("tests", "Vigil.Ingestion.Tests", "BadInput", "good.csv")).Code);
        foreach (var good in BadInputCorpus.GoodFiles(corpus, (format, path) => Export(seed, format, path)))
        {
            var a = "sqlite:" + _dir.File(good.Format + "-a.db");
            var b = "sqlite:" + _dir.File(good.Format + "-b.db");
            var mixed = BadInputCorpus.MixedLineEndings(good, corpus);
            var first = Vigil("import", "--db", a, "--format", good.Format, good.Path);
            var second = Vigil("import", "--db", b, "--format", good.Format, mixed);
            Assert.True(first.Code == 0, first.Error);
            Assert.True(second.Code == 0, $"{good.Format}: {second.Error}");
            using var sa = DatabaseLocation.Parse(a).OpenRelational();
            using var sb = DatabaseLocation.Parse(b).OpenRelational();
            var incidents = (TableChecksums.Compute(sa.Connection, null, "incidents"), TableChecksums.Compute(sb.Connection, null, "incidents"));
            Assert.True(incidents.Item1.Rows > 0, good.Format);
            Assert.Equal(incidents.Item1, incidents.Item2);
        }
    }

    public void Dispose()
    {
        if (File.Exists(_dir.File("log.txt")))
            File.Copy(_dir.File("log.txt"), Path.Combine(Path.GetTempPath(), "vigil-bad-input-log.txt"), overwrite: true);
        _dir.Dispose();
    }
}

using Vigil.Cli.Infrastructure;
using Vigil.TestSupport;

namespace Vigil.Cli.Tests;

/// <summary>
/// The bad-input corpus of the ingestion tests, through the command line: each file gives exit code 3, one
/// line on standard error naming the file (and the line and field where there is one), and the database
/// exactly as it was.
/// </summary>
public sealed class BadInputExitTests : IDisposable
{
    private readonly Cli _cli = new();

    [Theory]
    [InlineData("semicolons.csv", ":1:1: ")]
    [InlineData("latin1-byte.csv", ": where_description: ")]
    [InlineData("utf16.csv", ":1:1: ")]
    [InlineData("missing-column.csv", ":1:1: low: ")]
    [InlineData("non-numeric-count.csv", ": best: ")]
    [InlineData("negative-count.csv", ": best: ")]
    [InlineData("latitude-95.csv", ": latitude: ")]
    [InlineData("year-0025.csv", ": date_start: ")]
    [InlineData("empty.csv", "empty.csv: ")]
    [InlineData("header-only.csv", "header-only.csv: ")]
    [InlineData("duplicate-ids.csv", "appears more than once")]
    [InlineData("truncated.csv", "fields as in the header")]
    public void A_bad_file_exits_with_3_and_one_line_naming_the_place_and_changes_nothing(string file, string expected)
    {
        Assert.Equal(ExitCodes.Success, _cli.Run("import", RepoFiles.Path_("tests", "Vigil.Ingestion.Tests", "BadInput", "good.csv")).ExitCode);
        var before = StoreFingerprint.Of(_cli.Db);
        var path = RepoFiles.Path_("tests", "Vigil.Ingestion.Tests", "BadInput", file);

        var result = _cli.Run("import", path, "--format", "ucdp-ged");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"vigil: {path}", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Equal(before, StoreFingerprint.Of(_cli.Db));
    }

    public void Dispose() => _cli.Dispose();
}

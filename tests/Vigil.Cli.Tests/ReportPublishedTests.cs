using System.Text.Json;
using Vigil.TestSupport;

namespace Vigil.Cli.Tests;

/// <summary><c>vigil report published</c>: the reports recorded by <c>--publish</c>, newest first, each as it was recorded.</summary>
public sealed class ReportPublishedTests : IDisposable
{
    private readonly Cli _cli = new();

    public ReportPublishedTests() => Assert.Equal(0, _cli.Run("import", RepoFiles.BundledUcdp).ExitCode);

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Two_publishes_are_listed_newest_first_with_their_month_scope_moment_and_publisher()
    {
        Assert.Equal(0, _cli.Run("report", "monthly", "--month", "2021-11", "--format", "md", "--out", _cli.Dir.File("a.md"), "--publish", "--by", "amina").ExitCode);
        var first = _cli.Clock.GetUtcNow();
        _cli.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, _cli.Run("report", "monthly", "--month", "2021-12", "--province", "Balochistan", "--format", "md", "--out", _cli.Dir.File("b.md"), "--publish", "--by", "bilal").ExitCode);
        var second = _cli.Clock.GetUtcNow();

        var result = _cli.Run("report", "published", "--json");
        Assert.Equal(0, result.ExitCode);
        var list = JsonDocument.Parse(result.Output).RootElement.EnumerateArray().ToList();
        Assert.Equal([2L, 1L], list.Select(r => r.GetProperty("id").GetInt64()));
        Assert.Equal(["2021-12", "2021-11"], list.Select(r => r.GetProperty("month").GetString()));
        Assert.Equal(["bilal", "amina"], list.Select(r => r.GetProperty("published_by").GetString()));
        Assert.Equal([second, first], list.Select(r => r.GetProperty("moment").GetDateTimeOffset()));
        Assert.StartsWith("Balochistan · ", list[0].GetProperty("scope").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Pakistan · ", list[1].GetProperty("scope").GetString(), StringComparison.Ordinal);
        Assert.All(list, r => Assert.True(r.GetProperty("figures").GetInt32() > 0));

        // Each as recorded: the same header the diff of that report prints.
        var diff = JsonDocument.Parse(_cli.Run("report", "diff", "1", "--json").Output).RootElement;
        Assert.Equal(diff.GetProperty("report").GetProperty("scope").GetString(), list[1].GetProperty("scope").GetString());
        Assert.Equal(diff.GetProperty("report").GetProperty("data_version").GetInt64(), list[1].GetProperty("data_version").GetInt64());
        Assert.Equal(diff.GetProperty("figures_published").GetInt32(), list[1].GetProperty("figures").GetInt32());

        // As of a moment between them, only the first had been published.
        var asOf = JsonDocument.Parse(_cli.Run("report", "published", "--json", "--as-of",
            first.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)).Output).RootElement;
        Assert.Equal([1L], asOf.EnumerateArray().Select(r => r.GetProperty("id").GetInt64()));

        var table = _cli.Run("report", "published", "--format", "plain").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id\tmonth\tscope\tfigures as of\tdata version\tpublished by\tpublished at\tfigures", table[1]);
        Assert.StartsWith("2\t2021-12\tBalochistan · ", table[2], StringComparison.Ordinal);
        Assert.Contains($"\t{Domain.Time.Moment.Label(second)}\t", table[2], StringComparison.Ordinal);
    }

    [Fact]
    public void With_none_published_it_says_so_and_how_to_publish_one()
    {
        var result = _cli.Run("report", "published");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("No report has been published yet: publish one with vigil report monthly --publish.", result.Output, StringComparison.Ordinal);
        Assert.Equal("[]", _cli.Run("report", "published", "--json").Output.Trim());
    }
}

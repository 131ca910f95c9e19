using System.Globalization;
using System.Text.Json;
using Vigil.Cli.Infrastructure;
using Vigil.Domain.Sources;
using Vigil.Domain.Text;
using Vigil.TestSupport.Contracts;

namespace Vigil.Cli.Tests;

/// <summary>
/// Every command that takes <c>--sources</c>, over <see cref="SourceScopeSamples"/>: a list and <c>--explain</c> show
/// the figures of the scope and add up to <c>stats series</c> under it (and to the sums worked by hand); <c>check</c> and
/// <c>report monthly</c> take the scope and say which; the machine formats that cannot honour it refuse it by name.
/// </summary>
public sealed class SourceScopeCommandTests : IDisposable
{
    private static readonly string[] March = ["--from", "2024-03", "--to", "2024-03", "--dataset", "all"];
    private readonly Cli _cli = new();

    public SourceScopeCommandTests() => SourceScopeSamples.Seed(_cli.Db);

    public void Dispose() => _cli.Dispose();

    private (long Low, long Best, long High, long Unknown) Series(string sources)
    {
        var r = _cli.Run(["stats", "series", "--by", "month", .. March, "--sources", sources, "--json"]);
        Assert.True(r.ExitCode == 0, r.Error);
        var row = Assert.Single(JsonDocument.Parse(r.Output).RootElement.GetProperty("rows").EnumerateArray());
        return (row.GetProperty("killed_low").GetInt64(), row.GetProperty("killed_best").GetInt64(),
            row.GetProperty("killed_high").GetInt64(), row.GetProperty("killed_unknown").GetInt64());
    }

    /// <summary>The best figures of the killed column of a plain table ("20 (18–60)" is 20; "?" is unknown).</summary>
    private static (long Best, long Unknown) KilledColumn(string output)
    {
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var start = lines.FindIndex(l => l.StartsWith("id\t", StringComparison.Ordinal));
        Assert.True(start >= 0, output);
        var column = Array.IndexOf(lines[start].Split('\t'), "killed");
        var cells = lines.Skip(start + 1).TakeWhile(l => l.Contains('\t', StringComparison.Ordinal)).Select(l => l.Split('\t')[column]).ToList();
        Assert.Equal(SourceScopeSamples.Incidents, cells.Count);
        return (cells.Where(c => c != "?").Sum(c => long.Parse(c.Split(' ')[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture)), cells.Count(c => c == "?"));
    }

    [Theory]
    [InlineData("all", "Killed and injured: all credible sources, party claims too (--sources all)")]
    [InlineData("party", "Killed and injured: party claims alone (--sources party)")]
    public void The_list_and_explain_show_the_scopes_figures_adding_up_to_its_series(string sources, string title)
    {
        var (low, best, high, unknown) = SourceScopeSamples.March(EnumText<SourceScope>.Parse(sources));
        Assert.Equal((low, best, high, unknown), Series(sources));

        var list = _cli.Run(["incidents", "list", .. March, "--sources", sources, "--format", "plain"]);
        Assert.True(list.ExitCode == 0, list.Error);
        Assert.Contains(title, list.Output, StringComparison.Ordinal);
        Assert.Equal((best, unknown), KilledColumn(list.Output));

        var explain = _cli.Run(["stats", "series", "--explain", "2024-03", .. March, "--sources", sources, "--format", "plain"]);
        Assert.True(explain.ExitCode == 0, explain.Error);
        Assert.Equal((best, unknown), KilledColumn(explain.Output));
        Assert.Contains(title, explain.Output, StringComparison.Ordinal);
        var range = low == best && high == best ? "" : string.Create(CultureInfo.InvariantCulture, $" ({low}–{high})");
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Total: killed {best}{range}"), explain.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("incidents", "list", "--json")]
    [InlineData("incidents", "list", "--csv")]
    [InlineData("export", "--format", "csv")]
    [InlineData("compare", "--a-dataset", "own", "--b-dataset", "test", "--events")]
    public void Outputs_that_hold_the_incidents_own_figures_refuse_another_sources_scope_by_name(params string[] command)
    {
        var r = _cli.Run([.. command, "--sources", "party"]);
        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.Contains("--sources:", r.Error, StringComparison.Ordinal);
        Assert.Equal("", r.Output);
    }

    [Theory]
    [InlineData("independent", "not-checkable")]
    [InlineData("all", "supported")]
    [InlineData("party", "contradicted")]
    public void A_claim_is_checked_under_the_sources_given_and_its_verdict_says_which(string sources, string verdict)
    {
        var r = _cli.Run("check", "--metric", "killed", "--value", "40", "--period", "2024-03", "--dataset", "all", "--sources", sources, "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        var check = JsonDocument.Parse(r.Output).RootElement[0];
        Assert.Equal(verdict, check.GetProperty("verdict").GetString());
        Assert.Equal(sources, check.GetProperty("scope").GetProperty("sources").GetString());
        Assert.Equal(SourceScopeSamples.March(EnumText<SourceScope>.Parse(sources)).Best, check.GetProperty("parts")[0].GetProperty("computed").GetDouble());

        var text = _cli.Run("check", "--metric", "killed", "--value", "40", "--period", "2024-03", "--dataset", "all", "--sources", sources);
        Assert.Contains($"(sources={sources})", text.Output, StringComparison.Ordinal);
        var bad = _cli.Run("check", "--metric", "killed", "--value", "40", "--period", "2024-03", "--sources", "ispr");
        Assert.Equal(ExitCodes.Usage, bad.ExitCode);
        Assert.Contains("--sources: 'ispr' is not one of", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_monthly_report_takes_the_sources_and_prints_them_with_the_graded_share()
    {
        var path = _cli.Dir.File("report.md");
        var r = _cli.Run("report", "monthly", "--month", "2024-03", "--dataset", "all", "--sources", "party", "--format", "md", "-o", path);
        Assert.True(r.ExitCode == 0, r.Error);
        var text = File.ReadAllText(path);
        Assert.Contains("party claims alone", text, StringComparison.Ordinal);
        var share = 100 * SourceScopeSamples.FairOrBetter / SourceScopeSamples.Incidents;
        Assert.Contains($"Sourcing: {share} % of incidents fair or better", text, StringComparison.Ordinal);
        Assert.Contains("**72**", text, StringComparison.Ordinal); // the party claims' 60 + 12

        var bad = _cli.Run("report", "monthly", "--month", "2024-03", "--min-grade", "good");
        Assert.Equal(ExitCodes.Usage, bad.ExitCode);
        Assert.Contains("--min-grade: 'good' is not one of", bad.Error, StringComparison.Ordinal);
    }
}

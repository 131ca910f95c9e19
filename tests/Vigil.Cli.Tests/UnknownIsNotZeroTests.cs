using System.Text.Json;
using System.Text.RegularExpressions;
using Vigil.Domain.Incidents;
using Vigil.Storage;
using Vigil.Storage.Sqlite;
using Vigil.TestSupport.Contracts;

namespace Vigil.Cli.Tests;

/// <summary>
/// A month whose injuries are all unknown: <c>vigil summary</c> (text and JSON), <c>vigil stats series</c> and the
/// Markdown assessment say "unknown", and none prints a 0 standing for it.
/// </summary>
public sealed partial class UnknownIsNotZeroTests : IDisposable
{
    private readonly Cli _cli = new();
    private static readonly int[] Killed = UnknownInjuriesMonth.Killed;

    public UnknownIsNotZeroTests() => UnknownInjuriesMonth.Seed(_cli.Db);

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void The_summary_says_unknown_in_text_and_null_in_JSON()
    {
        var text = _cli.Run("summary", "--month", "2021-06");
        var json = JsonDocument.Parse(_cli.Run("summary", "--month", "2021-06", "--json").Output).RootElement;

        Assert.Equal(0, text.ExitCode);
        var line = text.Output.Split('\n').Single(l => l.Contains(" injured:", StringComparison.Ordinal));
        Assert.Contains("injured: unknown", line, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\b0\b", line);
        var injured = json.GetProperty("headlines")[2];
        Assert.Equal((JsonValueKind.Null, "unknown", 3L), (injured.GetProperty("value").ValueKind, injured.GetProperty("missing").GetString(), injured.GetProperty("unknown").GetInt64()));
        Assert.All(json.GetProperty("by_province").EnumerateArray(), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("injured").ValueKind));
    }

    [Fact]
    public void A_breakdown_with_some_unknown_figures_gives_the_known_sum_with_the_count_of_unknowns()
    {
        using (var store = SqliteIncidentStore.Open(_cli.Db))
        using (var session = store.BeginImport(new ImportRequest("test", "july.csv", "test", "seed")))
        {
            // July 2021: one incident with no injury figure, one whose sources say none were injured.
            session.Upsert(Incidents.Sample(id: "7a") with { Date = IncidentDate.OnDay(new DateOnly(2021, 7, 1)), Injured = CasualtyCount.Unknown });
            session.Upsert(Incidents.Sample(id: "7b") with { Date = IncidentDate.OnDay(new DateOnly(2021, 7, 31)), Injured = CasualtyCount.Exactly(0) });
            session.Commit(0, "sha-july");
        }

        var json = JsonDocument.Parse(_cli.Run("summary", "--month", "2021-07", "--json").Output).RootElement;
        var text = _cli.Run("summary", "--month", "2021-07").Output;

        var province = Assert.Single(json.GetProperty("by_province").EnumerateArray());
        Assert.Equal((0L, 1L), (province.GetProperty("injured").GetInt64(), province.GetProperty("injured_unknown").GetInt64()));
        Assert.Contains("0 (+1 unknown)", text.Split('\n').Single(l => l.TrimStart().StartsWith("Khyber Pakhtunkhwa", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_series_says_how_many_are_unknown_not_zero()
    {
        var result = _cli.Run("stats", "series", "--by", "month", "--from", "2021-06", "--to", "2021-06", "--metric", "injured");

        Assert.Equal(0, result.ExitCode);
        var row = result.Output.Split('\n').Single(l => l.TrimStart().StartsWith("2021-06", StringComparison.Ordinal));
        Assert.Contains("unknown", row, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(^|\s)0(\s|$)", row);
    }

    [Fact]
    public void The_markdown_assessment_prints_unknown_for_the_injured()
    {
        var path = _cli.Dir.File("june.md");
        Assert.Equal(0, _cli.Run("report", "monthly", "--month", "2021-06", "--format", "md", "--out", path).ExitCode);

        var md = File.ReadAllText(path);

        Assert.Equal("unknown", InjuredRow().Match(md) is { Success: true } m ? m.Groups[1].Value : null);
    }

    [GeneratedRegex(@"^\| Injured \| \*\*([^*]*)\*\* \|", RegexOptions.Multiline)]
    private static partial Regex InjuredRow();
}

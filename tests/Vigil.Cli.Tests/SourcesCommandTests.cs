using System.Text.Json;
using Vigil.Cli.Infrastructure;
using Vigil.TestSupport.Contracts;

namespace Vigil.Cli.Tests;

/// <summary>
/// <c>--sources</c>, <c>--min-grade</c> and <c>vigil sources</c> as a user runs them, over the incidents of
/// <see cref="ProvenanceSamples"/>: a party's claim against two independent reports, a claim alone, a dataset's record.
/// </summary>
public sealed class SourcesCommandTests : IDisposable
{
    private readonly Cli _cli = new();

    public SourcesCommandTests() => ProvenanceSamples.Seed(_cli.Db);

    public void Dispose() => _cli.Dispose();

    private JsonElement Json(params string[] args)
    {
        var r = _cli.Run([.. args, "--json"]);
        Assert.True(r.ExitCode == 0, r.Error);
        return JsonDocument.Parse(r.Output).RootElement;
    }

    private (long Low, long Best, long High, long Unknown) March(params string[] extra)
    {
        var json = Json(["stats", "series", "--by", "month", "--from", "2024-03", "--to", "2024-03", "--dataset", "all", .. extra]);
        var row = Assert.Single(json.GetProperty("rows").EnumerateArray());
        Assert.Equal(extra.Contains("--min-grade") ? 2 : 3, row.GetProperty("incidents").GetInt64());
        return (row.GetProperty("killed_low").GetInt64(), row.GetProperty("killed_best").GetInt64(),
            row.GetProperty("killed_high").GetInt64(), row.GetProperty("killed_unknown").GetInt64());
    }

    [Fact]
    public void Sources_independent_and_all_give_the_documented_figures_and_say_which_sources_they_count()
    {
        Assert.Equal((21L, 23L, 27L, 1L), March());
        Assert.Equal((21L, 23L, 27L, 1L), March("--sources", "independent"));
        Assert.Equal((33L, 35L, 75L, 0L), March("--sources", "all"));
        Assert.Equal((72L, 72L, 72L, 1L), March("--sources", "party"));

        var table = _cli.Run("stats", "series", "--by", "month", "--from", "2024-03", "--to", "2024-03", "--dataset", "all", "--sources", "all");
        Assert.Equal(ExitCodes.Success, table.ExitCode);
        Assert.Contains("killed and injured from all credible sources", table.Output, StringComparison.Ordinal);
        Assert.Contains("Sourcing: 0 % of incidents fair or better (confirmed 0, fair 0, weak 2, contested 1, discounted 0)", table.Output, StringComparison.Ordinal);
        var json = Json("stats", "series", "--by", "month", "--from", "2024-03", "--to", "2024-03", "--dataset", "all");
        Assert.Equal(3, json.GetProperty("sourcing").GetProperty("incidents").GetInt64());
        Assert.Equal(1, json.GetProperty("sourcing").GetProperty("grades").GetProperty("contested").GetInt64());
    }

    [Fact]
    public void A_minimum_grade_leaves_the_contested_incident_out_and_bad_values_name_their_option()
    {
        Assert.Equal((3L, 3L, 3L, 1L), March("--min-grade", "weak"));

        var bad = _cli.Run("stats", "series", "--sources", "ispr");
        Assert.Equal(ExitCodes.Usage, bad.ExitCode);
        Assert.Contains("--sources: 'ispr' is not one of: independent, all, party", bad.Error, StringComparison.Ordinal);
        var grade = _cli.Run("incidents", "list", "--min-grade", "good");
        Assert.Equal(ExitCodes.Usage, grade.ExitCode);
        Assert.Contains("--min-grade: 'good' is not one of", grade.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sources_are_added_edited_and_shown_with_their_history()
    {
        Assert.Equal(0, _cli.Run("sources", "add", "dawn", "--name", "Dawn", "--type", "independent-media", "--reliability", "B", "--by", "amina", "--reason", "paper of record").ExitCode);
        var edited = _cli.Run("sources", "edit", "dawn", "--reliability", "C", "--by", "bilal", "--reason", "two corrections this year");
        Assert.True(edited.ExitCode == 0, edited.Error);

        var shown = Json("sources", "show", "Dawn");
        Assert.Equal("C", shown.GetProperty("source").GetProperty("reliability").GetString());
        var history = shown.GetProperty("history");
        Assert.Equal(["amina", "bilal"], history.EnumerateArray().Select(h => h.GetProperty("author").GetString()));
        Assert.Equal("B", history[1].GetProperty("before").GetProperty("reliability").GetString());
        Assert.Equal("two corrections this year", history[1].GetProperty("reason").GetString());

        var list = Json("sources", "list").GetProperty("sources").EnumerateArray().ToDictionary(s => s.GetProperty("key").GetString()!);
        Assert.Equal("party", list["ispr"].GetProperty("type").GetString());
        Assert.True(list["test"].GetProperty("implied").GetBoolean());

        var bad = _cli.Run("sources", "edit", "dawn", "--reliability", "G");
        Assert.Equal(ExitCodes.Usage, bad.ExitCode);
        Assert.Contains("--reliability: 'G' is not a grade", bad.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotFound, _cli.Run("sources", "show", "nobody").ExitCode);
    }
}

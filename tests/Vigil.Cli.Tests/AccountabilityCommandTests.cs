using System.Text.Json;
using Vigil.Cli.Infrastructure;
using Vigil.TestSupport;

namespace Vigil.Cli.Tests;

public sealed class AccountabilityCommandTests : IDisposable
{
    private readonly Cli _cli = new();
    private static string Example => RepoFiles.Path_("data", "accountability", "worked-example.yaml");

    private static JsonElement Json(CliResult result)
    {
        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        return JsonDocument.Parse(result.Output).RootElement;
    }

    [Fact]
    public void A_closure_recorded_from_the_command_line_joins_the_crossings_history_and_status()
    {
        Assert.Equal(ExitCodes.Success, _cli.Run("engagements", "import", Example).ExitCode);
        var before = Json(_cli.Run("crossings", "events", "chaman", "--json")).GetArrayLength();

        var recorded = _cli.Run("crossings", "record", "chaman", "--status", "closed", "--from", "2023-03-01", "--reason", "protest", "--source", "Dawn", "--published", "2023-03-02");
        Assert.Equal(ExitCodes.Success, recorded.ExitCode);
        Assert.StartsWith("chaman: closed from 2023-03-01", recorded.Output, StringComparison.Ordinal);
        var events = Json(_cli.Run("crossings", "events", "chaman", "--json")).EnumerateArray().ToList();
        Assert.Equal(before + 1, events.Count);
        Assert.Contains(events, e => e.GetProperty("from").GetString() == "2023-03-01" && e.GetProperty("reason").GetString() == "protest");

        Assert.Equal(ExitCodes.NotFound, _cli.Run("crossings", "record", "nowhere", "--status", "closed", "--from", "2023-03-01").ExitCode);
        Assert.Equal(ExitCodes.Usage, _cli.Run("crossings", "record", "chaman", "--status", "shut", "--from", "2023-03-01").ExitCode);
        Assert.Equal(before + 1, Json(_cli.Run("crossings", "events", "chaman", "--json")).GetArrayLength());
    }

    [Fact]
    public void Importing_the_worked_example_lists_its_engagements_commitments_and_crossings()
    {
        var imported = _cli.Run("engagements", "import", Example);

        Assert.Equal(ExitCodes.Success, imported.ExitCode);
        Assert.Contains("2 engagements, 2 commitments, 1 new score, 5 crossings, 2 new status events", imported.Output.ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(["sample-engagement-2014", "pak-afg-kabul-2023-02"], Json(_cli.Run("engagements", "list", "--json")).EnumerateArray().Select(e => e.GetProperty("key").GetString()));
        Assert.Equal(2, Json(_cli.Run("commitments", "list", "--json")).GetArrayLength());
        Assert.Equal(["torkham", "chaman", "ghulam-khan", "angoor-adda", "kharlachi"], Json(_cli.Run("crossings", "list", "--json")).EnumerateArray().Select(e => e.GetProperty("key").GetString()));
    }

    [Fact]
    public void A_bad_file_exits_3_with_file_line_column_and_field_and_writes_nothing()
    {
        var bad = _cli.Dir.Write("bad.yaml", "crossings:\n  - key: torkham\n    name: Torkham\n    latitude: 134.19\n    longitude: 71.07\n");
        var result = _cli.Run("crossings", "import", bad);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Equal("vigil: bad.yaml:4:15: crossings[0].latitude: 134.19 is outside -90..90", result.Error.Trim());
        Assert.Equal(0, Json(_cli.Run("crossings", "list", "--json")).GetArrayLength());
    }

    [Fact]
    public void Engagements_add_records_one_and_refuses_one_without_parties()
    {
        var added = _cli.Run("engagements", "add", "--key", "call-1", "--start", "2024-03-02", "--party", "Pakistan", "--party", "Afghanistan", "--format", "phone-call", "--source", "Dawn");
        var refused = _cli.Run("engagements", "add", "--key", "call-2", "--start", "2024-03-02");

        Assert.Equal(ExitCodes.Success, added.ExitCode);
        var e = Assert.Single(Json(_cli.Run("engagements", "list", "--json")).EnumerateArray());
        Assert.Equal("phone-call", e.GetProperty("format").GetString());
        Assert.Equal(ExitCodes.Usage, refused.ExitCode);
        Assert.Contains("--party", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Commitments_score_adds_to_the_history_and_an_unknown_commitment_is_not_found()
    {
        _cli.Run("engagements", "import", Example);
        var scored = _cli.Run("commitments", "score", "afg-assurances-ttp-2023-02", "--score", "2", "--evidence", "arrests reported", "--on", "2023-06-01");
        var missing = _cli.Run("commitments", "score", "nope", "--score", "2", "--evidence", "x");
        var offScale = _cli.Run("commitments", "score", "afg-assurances-ttp-2023-02", "--score", "4", "--evidence", "x");

        Assert.Equal(ExitCodes.Success, scored.ExitCode);
        var c = Json(_cli.Run("commitments", "list", "--json")).EnumerateArray().Single(x => x.GetProperty("key").GetString() == "afg-assurances-ttp-2023-02");
        var score = Assert.Single(c.GetProperty("scores").EnumerateArray());
        Assert.Equal(2, score.GetProperty("score").GetInt32());
        Assert.Equal("2023-06-01", score.GetProperty("assessed_on").GetString());
        Assert.Equal(ExitCodes.NotFound, missing.ExitCode);
        Assert.Equal(ExitCodes.Usage, offScale.ExitCode);
    }

    [Fact]
    public void Exported_engagements_commitments_and_crossings_import_into_a_new_database_unchanged()
    {
        _cli.Run("engagements", "import", Example);
        var engagements = _cli.Dir.File("e.yaml");
        var commitments = _cli.Dir.File("c.json");
        var crossings = _cli.Dir.File("x.yaml");
        Assert.Equal(ExitCodes.Success, _cli.Run("engagements", "export", "--out", engagements).ExitCode);
        Assert.Equal(ExitCodes.Success, _cli.Run("commitments", "export", "--out", commitments).ExitCode);
        Assert.Equal(ExitCodes.Success, _cli.Run("crossings", "export", "--out", crossings).ExitCode);

        var other = _cli.Dir.File("other.db");
        Assert.Equal(ExitCodes.Success, _cli.Run("engagements", "import", engagements, crossings, commitments, "--db", other).ExitCode);

        foreach (var list in new[] { "engagements", "commitments", "crossings" })
            Assert.Equal(_cli.Run(list, "list", "--json").Output, _cli.Run(list, "list", "--json", "--db", other).Output);
        Assert.Equal(_cli.Run("crossings", "events", "torkham", "--json").Output, _cli.Run("crossings", "events", "torkham", "--json", "--db", other).Output);
    }

    [Fact]
    public void Crossings_status_shows_the_Torkham_closure_and_unknown_for_crossings_without_events()
    {
        _cli.Run("crossings", "import", Example);
        var board = Json(_cli.Run("crossings", "status", "--json")).EnumerateArray().ToList();
        var torkham = Json(_cli.Run("crossings", "status", "torkham", "--json")).GetProperty("crossing");

        Assert.Equal("open", board[0].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, board[1].GetProperty("status").ValueKind);
        var episode = Assert.Single(torkham.GetProperty("episodes").EnumerateArray());
        Assert.Equal("2023-02-24", episode.GetProperty("start").GetString());
        Assert.Equal(5, episode.GetProperty("days").GetInt32());
        Assert.Equal(ExitCodes.NotFound, _cli.Run("crossings", "status", "nowhere").ExitCode);
    }

    [Fact]
    public void Commitments_evaluate_and_scorecard_over_the_bundled_data()
    {
        _cli.Run("start");   // loads the bundled UCDP data and the worked example on first run
        var evaluations = Json(_cli.Run("commitments", "evaluate", "--json")).EnumerateArray().ToDictionary(e => e.GetProperty("commitment").GetString()!);
        var cards = Json(_cli.Run("scorecard", "--json")).EnumerateArray().ToList();

        Assert.Equal("too-early", evaluations["afg-assurances-ttp-2023-02"].GetProperty("verdict").GetString());
        var sample = evaluations["sample-ttp-2014"];
        Assert.Equal("interrupted-time-series", sample.GetProperty("method").GetString());
        Assert.Equal(24, sample.GetProperty("before_total").GetInt64());
        Assert.Equal(12, sample.GetProperty("after_total").GetInt64());
        Assert.Equal(0.5, sample.GetProperty("rate_ratio").GetDouble(), 10);
        Assert.Equal(["Afghan interim government", "Sample party A"], cards.Select(c => c.GetProperty("party").GetString()));
        Assert.Equal(1, cards[0].GetProperty("too_early").GetInt32());
        var text = _cli.Run("commitments", "evaluate", "sample-ttp-2014");
        Assert.Contains("rate ratio 0.5 (95% CI", text.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("engagements", "add")]
    [InlineData("engagements", "import")]
    [InlineData("commitments", "evaluate")]
    [InlineData("commitments", "score")]
    [InlineData("commitments", "export")]
    [InlineData("crossings", "status")]
    [InlineData("crossings", "events")]
    [InlineData("scorecard")]
    public void Every_accountability_command_has_help(params string[] command)
    {
        var result = _cli.Run([.. command, "--help"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("USAGE:", result.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}

using System.Text.Json;

namespace Vigil.Cli.Tests;

public class ExtractCommandTests
{
    [Fact]
    public void Extract_prints_one_JSON_object_per_article_with_evidence_spans()
    {
        using var cli = new Cli();
        var file = cli.Dir.Write("news.jsonl", """
            {"id": "n1", "published": "2023-03-07", "text": "At least 12 people were killed in Quetta on Monday."}
            {"id": "n2", "published": "2023-03-07", "text": "Nothing of note happened."}
            """);
        var result = cli.Run("extract", file, "--json");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        var killed = first.RootElement.GetProperty("report").GetProperty("killed");
        Assert.Equal(12, killed.GetProperty("low").GetInt64());
        Assert.True(killed.GetProperty("high").ValueKind == JsonValueKind.Null);
        Assert.Equal("At least 12 people were killed", killed.GetProperty("phrase").GetString());
        Assert.Equal("2023-03-06", first.RootElement.GetProperty("report").GetProperty("date").GetProperty("value").GetProperty("start").GetString());
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal(JsonValueKind.Null, second.RootElement.GetProperty("report").ValueKind);
    }

    [Fact]
    public void Eval_extraction_prints_precision_recall_and_F1_per_field()
    {
        using var cli = new Cli();
        var file = cli.Dir.Write("labeled.jsonl", """
            {"id": "l1", "published": "2023-03-07", "text": "Five people were killed and 3 injured in Quetta.", "killed": 5, "injured": 3, "district": "Quetta"}
            {"id": "l2", "published": "2023-03-07", "text": "Two people died.", "killed": 4}
            """);
        var result = cli.Run("eval", "extraction", file, "--json");
        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Output);
        var killed = doc.RootElement.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("field").GetString() == "killed");
        Assert.Equal((1, 1, 1), (killed.GetProperty("tp").GetInt32(), killed.GetProperty("fp").GetInt32(), killed.GetProperty("fn").GetInt32()));
        Assert.Equal(0.5, killed.GetProperty("f1").GetDouble());
    }

    [Fact]
    public void Eval_attribution_scores_party_figures_found_missed_and_wrongly_given()
    {
        using var cli = new Cli();
        // a1: ISPR's 6 found (TP); a2: labeled the TTP's 25 but the text names no speaker (the article's 25: FN);
        // a3: police's 9 is the article's and is labeled so (nothing party-side).
        var file = cli.Dir.Write("attribution.jsonl", """
            {"id": "a1", "text": "Six soldiers were martyred in the attack, the ISPR said.", "killed": null, "injured": null, "claims": [{"party": "ISPR", "killed": 6, "injured": null}]}
            {"id": "a2", "text": "At least 25 soldiers were killed in the assault.", "killed": null, "injured": null, "claims": [{"party": "TTP", "killed": 25, "injured": null}]}
            {"id": "a3", "text": "Nine passengers were killed in Mastung, police said.", "killed": 9, "injured": null, "claims": []}
            """);
        var result = cli.Run("eval", "extraction", file, "--attribution", "--json");
        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Output);
        var party = doc.RootElement.GetProperty("party_figures");
        Assert.Equal((1, 0, 1), (party.GetProperty("tp").GetInt32(), party.GetProperty("fp").GetInt32(), party.GetProperty("fn").GetInt32()));
        Assert.Equal((1.0, 0.5), (party.GetProperty("precision").GetDouble(), party.GetProperty("recall").GetDouble()));
        // Article's own figures: a1 none/none right, a2 killed 25 against none wrong, a3 9/none right: 5 of 6.
        Assert.Equal(5, doc.RootElement.GetProperty("article_figures_right").GetInt32());
    }

    [Fact]
    public void Merge_dry_run_shows_which_reports_would_become_one_incident()
    {
        using var cli = new Cli();
        var file = cli.Dir.Write("news.jsonl", """
            {"id": "r1", "published": "2023-03-04", "text": "A suicide bomber killed 57 worshippers at a mosque in Peshawar on Friday."}
            {"id": "r2", "published": "2023-03-04", "text": "The death toll from Friday's suicide bombing at a Peshawar mosque rose to 61."}
            {"id": "r3", "published": "2023-03-04", "text": "Gunmen killed two policemen at a checkpost in Peshawar on Friday."}
            """);
        var result = cli.Run("merge", "plan", file, "--json");
        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Output);
        var groups = doc.RootElement.GetProperty("groups").EnumerateArray().Select(c => string.Join(",", c.GetProperty("reports").EnumerateArray().Select(r => r.GetString()))).Order().ToList();
        Assert.Equal(["r1,r2", "r3"], groups);
    }

    [Fact]
    public void Merge_reads_files_only_when_planning_other_uses_are_usage_errors()
    {
        using var cli = new Cli();
        var file = cli.Dir.Write("news.txt", "Five people were killed.");
        Assert.Equal(2, cli.Run("merge", file).ExitCode);
        Assert.Equal(2, cli.Run("merge", "apply", file).ExitCode);
    }
}

using System.Text.Json;
using Vigil.Domain.Actors;
using Vigil.Extraction.Evaluation;
using Vigil.Extraction.Input;
using Vigil.Geo;
using Vigil.TestSupport;

namespace Vigil.Extraction.Tests.Evaluation;

public class LabeledSetTests
{
    private static string Handwritten => RepoFiles.Path_("data", "eval", "handwritten.jsonl");
    private static string UcdpSet => RepoFiles.Path_("data", "eval", "ucdp-headlines.jsonl");

    private static FieldScore Score(EvaluationResult r, EvalField f) => r.Fields.Single(x => x.Field == f);

    [Fact]
    public void The_handwritten_set_has_at_least_40_examples_covering_every_phrase_kind()
    {
        var examples = LabeledSet.Read(Handwritten);
        Assert.True(examples.Count >= 40, $"{examples.Count} examples");
        var rules = examples.SelectMany(e => Vigil.Extraction.Incidents.IncidentReportExtractor.Bundled
                .Extract(new Article(e.Id, e.Text, e.Published), new Vigil.Extraction.Text.TextDocument(e.Text))?.Casualties ?? [])
            .Select(m => m.Rule).ToHashSet();
        foreach (var kind in new[] { "digits", "words", "dozen", "at-least", "more-than", "up-to", "nearly", "range", "vague:dozens", "vague:scores", "vague:several", "singular", "revision:digits", "estimated" })
            Assert.Contains(rules, r => r == kind || r.Contains(kind, StringComparison.Ordinal));
    }

    [Fact]
    public void Killed_and_injured_reach_F1_of_at_least_0_90_on_the_handwritten_set()
    {
        var result = new ExtractionEvaluator(ArticleExtractor.Bundled).Evaluate(LabeledSet.Read(Handwritten));
        Assert.True(Score(result, EvalField.Killed).F1 >= 0.90, $"killed F1 {Score(result, EvalField.Killed).F1:0.000}");
        Assert.True(Score(result, EvalField.Injured).F1 >= 0.90, $"injured F1 {Score(result, EvalField.Injured).F1:0.000}");
    }

    [Fact]
    public void Killed_reaches_F1_of_at_least_0_90_on_UCDP_headlines_that_state_the_count()
    {
        var result = new ExtractionEvaluator(ArticleExtractor.Bundled).Evaluate(LabeledSet.Read(UcdpSet));
        var killed = Score(result, EvalField.Killed);
        Assert.True(killed.Scored > 600, $"only {killed.Scored} rows scored for killed");
        Assert.True(killed.F1 >= 0.90, $"killed F1 {killed.F1:0.000}");
    }

    [Fact]
    public void The_committed_UCDP_set_is_what_the_builder_makes_from_the_real_UCDP_file()
    {
        var options = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var built = UcdpDevSet.Build(SharedData.UcdpRaw, Gazetteer.Bundled, ActorCatalog.Bundled).Select(o => o.ToJsonString(options)).ToList();
        Assert.Equal(2148, built.Count);
        Assert.Equal(File.ReadAllLines(UcdpSet), built);
    }

    [Fact]
    public void A_group_named_only_in_a_compilation_title_is_not_a_headline_stating_the_perpetrator()
    {
        Assert.Empty(UcdpDevSet.EventHeadlines("Incidents and Statements involving TTP: 2014;Pakistan: Timeline (Terrorist Activities) -2020"));
        Assert.Equal(["3 Al-Qaeda and TTP terrorists killed in Pak's Punjab"],
            UcdpDevSet.EventHeadlines("3 Al-Qaeda and TTP terrorists killed in Pak's Punjab;Incidents and Statements involving TTP: 2014"));
        var compilations = File.ReadLines(UcdpSet).Where(l => l.Contains("\"text\":\"Incidents and Statements involving", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(compilations);
        Assert.DoesNotContain(compilations, l => l.Contains("\"actor\":", StringComparison.Ordinal));
    }

    [Fact]
    public void A_wrong_value_counts_as_a_false_positive_and_a_false_negative_and_an_unscored_field_counts_as_neither()
    {
        var examples = new[]
        {
            LabeledSet.Parse("""{"text": "Five people were killed.", "killed": 5, "injured": null}""", "a"),
            LabeledSet.Parse("""{"text": "Six people were killed and two injured.", "killed": 7}""", "b"),
            LabeledSet.Parse("""{"text": "Nothing happened.", "killed": 3}""", "c"),
        };
        var result = new ExtractionEvaluator(ArticleExtractor.Bundled).Evaluate(examples);
        var killed = Score(result, EvalField.Killed);
        Assert.Equal((3, 1, 1, 2), (killed.Scored, killed.TruePositives, killed.FalsePositives, killed.FalseNegatives));
        var injured = Score(result, EvalField.Injured);
        Assert.Equal((1, 0, 0, 0), (injured.Scored, injured.TruePositives, injured.FalsePositives, injured.FalseNegatives));
    }
}

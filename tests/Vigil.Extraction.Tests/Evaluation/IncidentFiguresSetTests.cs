using Vigil.Extraction.Evaluation;
using Vigil.TestSupport;

namespace Vigil.Extraction.Tests.Evaluation;

/// <summary>The incident-figures development set (data/eval/incident-figures.jsonl): the team's own paragraphs, one per phrase kind of issue 16.</summary>
public class IncidentFiguresSetTests(ITestOutputHelper output)
{
    private static string Path_ => RepoFiles.Path_("data", "eval", "incident-figures.jsonl");

    private static readonly string[] PhraseKinds =
    [
        "subset", "breakdown", "perpetrators", "far-figure", "injury-wording", "death-wording", "sub-events-sum", "sub-events-total", "more-than",
        "attribution", "plain",
    ];

    [Fact]
    public void The_set_has_at_least_100_paragraphs_and_every_phrase_kind()
    {
        var kinds = PhraseKindScores.KindsById(Path_);
        Assert.True(LabeledSet.Read(Path_).Count >= 100);
        Assert.Equal(PhraseKinds.Order(StringComparer.Ordinal), kinds.Values.Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Killed_and_injured_reach_F1_of_at_least_0_95_on_the_whole_set()
    {
        var result = new ExtractionEvaluator(ArticleExtractor.Bundled).Evaluate(LabeledSet.Read(Path_));
        foreach (var (id, field, gold, predicted) in result.Errors)
            output.WriteLine($"{id} {field}: gold {gold ?? "none"}, extracted {predicted ?? "none"}");
        foreach (var field in new[] { EvalField.Killed, EvalField.Injured })
        {
            var f1 = result.Fields.Single(f => f.Field == field).F1;
            Assert.True(f1 >= 0.95, $"{field} F1 {f1:0.000}");
        }
    }

    [Fact]
    public void No_phrase_kind_falls_below_0_85_killed_or_injured_F1()
    {
        foreach (var kind in PhraseKindScores.Score(new ExtractionEvaluator(ArticleExtractor.Bundled), Path_))
        {
            foreach (var field in kind.Result.Fields.Where(f => f.Field is EvalField.Killed or EvalField.Injured && f.TruePositives + f.FalseNegatives > 0))
            {
                output.WriteLine($"{kind.Kind,-18} {field.Field,-8} F1 {field.F1:0.000} ({kind.Result.Examples} paragraphs)");
                Assert.True(field.F1 >= 0.85, $"{kind.Kind} {field.Field} F1 {field.F1:0.000}");
            }
        }
    }
}

using System.Text.Json;

namespace Vigil.Extraction.Evaluation;

/// <summary>The scores of one kind of phrase (a tag on each labeled example): how the extractor does on "including" clauses, attackers' deaths, sub-events and the like.</summary>
public sealed record PhraseKindScore(string Kind, EvaluationResult Result);

/// <summary>
/// Scores a labeled set per phrase kind. Each line may carry <c>"phrase_kind"</c> (e.g. <c>subset</c>,
/// <c>perpetrators</c>, <c>sub-events-sum</c>); lines without one are scored under <c>untagged</c>. The
/// fields and their rules are <see cref="ExtractionEvaluator"/>'s.
/// </summary>
public static class PhraseKindScores
{
    public const string Untagged = "untagged";

    public static IReadOnlyList<PhraseKindScore> Score(ExtractionEvaluator evaluator, string path)
    {
        var examples = LabeledSet.Read(path);
        var kinds = KindsById(path);
        return [.. examples.GroupBy(e => kinds.GetValueOrDefault(e.Id, Untagged), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PhraseKindScore(g.Key, evaluator.Evaluate([.. g])))];
    }

    /// <summary>The <c>phrase_kind</c> of each line that has an id and one.</summary>
    public static Dictionary<string, string> KindsById(string path)
    {
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
                continue;
            using var doc = JsonDocument.Parse(line);
            var e = doc.RootElement;
            if (e.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                && e.TryGetProperty("phrase_kind", out var kind) && kind.ValueKind == JsonValueKind.String)
                kinds[id.GetString()!] = kind.GetString()!;
        }
        return kinds;
    }
}

using System.Globalization;
using Vigil.Domain.Incidents;
using Vigil.Domain.Text;
using Vigil.Extraction.Incidents;
using Vigil.Extraction.Input;

namespace Vigil.Extraction.Evaluation;

/// <summary>
/// Precision, recall and F1 of one field. A prediction equal to the gold value is a true positive; a prediction
/// where the gold says none, or a different value, is a false positive; a gold value not predicted, or predicted
/// differently, is a false negative (a wrong value counts once each way, as in slot filling).
/// </summary>
public sealed record FieldScore(EvalField Field, int Scored, int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

public sealed record EvaluationResult(int Examples, IReadOnlyList<FieldScore> Fields, IReadOnlyList<(string Id, EvalField Field, string? Gold, string? Predicted)> Errors);

/// <summary>Scores the incident-report extractor on a labeled set.</summary>
public sealed class ExtractionEvaluator(ArticleExtractor extractor)
{
    public EvaluationResult Evaluate(IReadOnlyList<LabeledExample> examples)
    {
        var counts = Enum.GetValues<EvalField>().ToDictionary(f => f, _ => new int[4]);
        var errors = new List<(string, EvalField, string?, string?)>();
        foreach (var ex in examples)
        {
            var report = extractor.ExtractReport(new Article(ex.Id, ex.Text, ex.Published));
            foreach (var (field, gold) in ex.Gold)
            {
                var predicted = Predicted(report, field);
                var c = counts[field];
                c[0]++;
                var goldKey = Normalise(gold);
                var predKey = Normalise(predicted);
                if (goldKey is not null && goldKey == predKey)
                {
                    c[1]++;
                    continue;
                }
                if (goldKey is null && predKey is null)
                    continue;
                if (predKey is not null)
                    c[2]++;
                if (goldKey is not null)
                    c[3]++;
                errors.Add((ex.Id, field, gold, predicted));
            }
        }
        return new EvaluationResult(examples.Count,
            [.. counts.Select(kv => new FieldScore(kv.Key, kv.Value[0], kv.Value[1], kv.Value[2], kv.Value[3]))], errors);
    }

    private static string? Normalise(string? value) => value is null ? null : NameKey.Of(value);

    public static string? Predicted(ExtractedReport? r, EvalField field) => field switch
    {
        // The toll as the text gives it, whoever gave it: who gave it is scored apart (AttributionEvaluator).
        EvalField.Killed => r?.KilledAsRead?.Best?.ToString(CultureInfo.InvariantCulture),
        EvalField.Injured => r?.InjuredAsRead?.Best?.ToString(CultureInfo.InvariantCulture),
        EvalField.Date => r?.Date is { } d ? DateLabel(d.Value) : null,
        EvalField.District => r?.Place?.Place.Admin2,
        EvalField.Actor => r?.Perpetrator?.Value.Actor.Name,
        EvalField.EventType => r?.EventType is { } t ? EnumText<EventType>.Format(t.Value) : null,
        _ => null,
    };

    private static string DateLabel(IncidentDate d) =>
        d.Start == d.End ? d.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{d.Start:yyyy-MM-dd}..{d.End:yyyy-MM-dd}");
}

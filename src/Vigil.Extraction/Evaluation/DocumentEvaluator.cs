using System.Globalization;
using System.Text.Json;
using Vigil.Domain.Claims;
using Vigil.Domain.Text;
using Vigil.Extraction.Documents;
using Vigil.Extraction.Input;

namespace Vigil.Extraction.Evaluation;

/// <summary>One statistic as a label states it: period label (2023-10, 2023-Q2, 2023), metric, scope, value.</summary>
public sealed record LabeledStatistic(string Period, string Metric, string Scope, double Value)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Metric} {Value} in {Scope}, {Period}");
}

/// <summary>A labeled document: its kind, the statistics it states, and whether it reports an incident.</summary>
public sealed record LabeledDocument(string Id, string Text, string? Title, DateOnly? Published, DocumentKind Kind, IReadOnlyList<LabeledStatistic> Statistics, bool Incident);

/// <summary>
/// Reads labeled documents, JSON lines <c>{"id","published","title","text","kind","statistics":[{"period","metric","scope","value"}],"incident"}</c>.
/// <c>kind</c> is incident-report, statistical-roundup, analysis-or-editorial or statement-or-claim; a statistic's
/// metric is attacks, violent-incidents (militant attacks and security-force actions), killed, injured,
/// killed-security-forces, killed-militants or killed-civilians; its scope a country, a province, a district or a
/// region key (former-fata).
/// </summary>
public static class LabeledDocuments
{
    public static List<LabeledDocument> Read(string path) => LabeledLines.Read(path, "labeled document", Parse);

    public static LabeledDocument Parse(string line, string id)
    {
        using var doc = JsonDocument.Parse(line);
        var e = doc.RootElement;
        var kind = EnumText<DocumentKind>.Parse(e.GetProperty("kind").GetString() ?? "");
        var stats = e.TryGetProperty("statistics", out var s) && s.ValueKind == JsonValueKind.Array
            ? s.EnumerateArray().Select(x => new LabeledStatistic(x.GetProperty("period").GetString()!, x.GetProperty("metric").GetString()!,
                x.GetProperty("scope").GetString()!, x.GetProperty("value").GetDouble())).ToList()
            : [];
        DateOnly? published = e.TryGetProperty("published", out var p) && p.ValueKind == JsonValueKind.String
            ? DateOnly.ParseExact(p.GetString()![..10], "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
        return new LabeledDocument(
            e.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString()! : id,
            e.GetProperty("text").GetString() ?? "",
            e.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null,
            published, kind, stats,
            e.TryGetProperty("incident", out var inc) && inc.ValueKind == JsonValueKind.True);
    }

    /// <summary>A claim as a label would state it.</summary>
    public static LabeledStatistic Label(Claim c) => new(c.Period.Label, MetricLabel(c), c.Scope.Region ?? c.Scope.District ?? c.Scope.Province ?? c.Scope.Country, c.Value ?? double.NaN);

    private static string MetricLabel(Claim c) => c.Metric switch
    {
        ClaimMetric.Attacks => c.Scope.Categories.Contains("security-operation") ? "violent-incidents" : "attacks",
        ClaimMetric.Killed => c.Scope.Victims is { } v ? "killed-" + v : "killed",
        _ => c.Scope.Victims is { } v ? "injured-" + v : "injured",
    };
}

/// <summary>What the document evaluation measured.</summary>
public sealed record DocumentEvaluationResult(
    int Documents, int KindCorrect, int StatisticsGold, int StatisticsFound, int StatisticsRight,
    int Roundups, int RoundupsWithIncident, int EditorialsWithUnlabeledIncident,
    IReadOnlyList<(string Id, string What, string? Gold, string? Predicted)> Errors)
{
    public double KindAccuracy => Documents == 0 ? 0 : (double)KindCorrect / Documents;
    public double StatisticsRecall => StatisticsGold == 0 ? 0 : (double)StatisticsRight / StatisticsGold;
    public double StatisticsPrecision => StatisticsFound == 0 ? 0 : (double)StatisticsRight / StatisticsFound;
}

/// <summary>
/// Scores document kinds, statistics (right only when period, metric, scope and value all are; comparisons are
/// not scored) and incident candidates (a roundup must yield none) on a labeled document set.
/// </summary>
public sealed class DocumentEvaluator(ArticleExtractor extractor)
{
    public DocumentEvaluationResult Evaluate(IReadOnlyList<LabeledDocument> docs)
    {
        int kindRight = 0, gold = 0, found = 0, right = 0, roundups = 0, roundupIncidents = 0, editorialIncidents = 0;
        var errors = new List<(string, string, string?, string?)>();
        foreach (var d in docs)
        {
            var (report, statistics, kind) = extractor.ReportAndStatistics(new Article(d.Id, d.Text, d.Published, Title: d.Title));
            if (kind.Kind == d.Kind)
                kindRight++;
            else
                errors.Add((d.Id, "kind", EnumText<DocumentKind>.Format(d.Kind), EnumText<DocumentKind>.Format(kind.Kind)));
            if (d.Kind == DocumentKind.StatisticalRoundup)
            {
                roundups++;
                if (report is not null)
                    roundupIncidents++;
            }
            if (d.Kind == DocumentKind.AnalysisOrEditorial && report is not null && !d.Incident)
                editorialIncidents++;
            if (report is not null && !d.Incident)
                errors.Add((d.Id, "incident", null, "an incident report"));

            // Duplicates (a record comparison repeats its figure) count once.
            var predicted = statistics.Select(LabeledDocuments.Label).Distinct().ToList();
            var open = d.Statistics.ToList();
            gold += open.Count;
            found += predicted.Count;
            foreach (var p in predicted)
            {
                var i = open.FindIndex(g => Same(g, p));
                if (i >= 0)
                {
                    right++;
                    open.RemoveAt(i);
                }
                else
                    errors.Add((d.Id, "statistic", null, p.ToString()));
            }
            foreach (var g in open)
                errors.Add((d.Id, "statistic", g.ToString(), null));
        }
        return new DocumentEvaluationResult(docs.Count, kindRight, gold, found, right, roundups, roundupIncidents, editorialIncidents, errors);
    }

    private static bool Same(LabeledStatistic g, LabeledStatistic p) =>
        string.Equals(g.Period, p.Period, StringComparison.Ordinal) && string.Equals(g.Metric, p.Metric, StringComparison.Ordinal)
        && string.Equals(NameKey.Of(g.Scope), NameKey.Of(p.Scope), StringComparison.Ordinal) && g.Value == p.Value;
}

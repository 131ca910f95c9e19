using System.Globalization;
using System.Text.Json;
using Vigil.Extraction.Input;

namespace Vigil.Extraction.Evaluation;

/// <summary>One party's figures as labeled: the party as Vigil names it, its killed and injured (best values).</summary>
public sealed record LabeledClaim(string Party, long? Killed, long? Injured);

/// <summary>A sentence labeled with the article's own killed and injured and the figures it relays from parties.</summary>
public sealed record LabeledAttribution(string Id, string Text, DateOnly? Published, long? Killed, long? Injured, IReadOnlyList<LabeledClaim> Claims);

/// <summary>
/// Precision and recall of party attribution: a positive is one party figure (killed or injured, by its best value) the
/// text relays; a predicted one equal in kind and value to a labeled one is a true positive, whatever party it is named
/// after (<see cref="PartyNamed"/> counts those named as labeled). Also how often the article's own killed and injured
/// are as labeled (both null counts as right).
/// </summary>
public sealed record AttributionScore(int Sentences, int TruePositives, int FalsePositives, int FalseNegatives, int PartyNamed, int ArticleFiguresRight, int ArticleFigures,
    IReadOnlyList<string> Errors)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Scores who the extractor says gave each figure on a labeled set (data/eval/attribution-*.jsonl).</summary>
public sealed class AttributionEvaluator(ArticleExtractor extractor)
{
    public AttributionScore Evaluate(IReadOnlyList<LabeledAttribution> set)
    {
        int tp = 0, fp = 0, fn = 0, named = 0, articleRight = 0;
        var errors = new List<string>();
        foreach (var x in set)
        {
            var report = extractor.ExtractReport(new Article(x.Id, x.Text, x.Published));
            var predicted = (report?.PartyClaims ?? []).SelectMany(c => Figures(c.Party, c.Killed?.Best, c.Injured?.Best)).ToList();
            var gold = x.Claims.SelectMany(c => Figures(c.Party, c.Killed, c.Injured)).ToList();
            foreach (var p in predicted)
            {
                var match = gold.FindIndex(g => g.Kind == p.Kind && g.Value == p.Value);
                if (match < 0)
                {
                    fp++;
                    errors.Add($"{x.Id}\tfalse party figure\t{p.Party} {p.Kind} {p.Value}");
                    continue;
                }
                tp++;
                if (string.Equals(gold[match].Party, p.Party, StringComparison.OrdinalIgnoreCase))
                    named++;
                else
                    errors.Add($"{x.Id}\tparty named\t{p.Party} (labeled {gold[match].Party})");
                gold.RemoveAt(match);
            }
            foreach (var g in gold)
            {
                fn++;
                errors.Add($"{x.Id}\tmissed party figure\t{g.Party} {g.Kind} {g.Value}");
            }
            foreach (var (kind, labeled, read) in new[] { ("killed", x.Killed, report?.Killed?.Best), ("injured", x.Injured, report?.Injured?.Best) })
            {
                if (labeled == read)
                    articleRight++;
                else
                    errors.Add($"{x.Id}\tarticle's {kind}\t{(read?.ToString(CultureInfo.InvariantCulture) ?? "none")} (labeled {(labeled?.ToString(CultureInfo.InvariantCulture) ?? "none")})");
            }
        }
        return new AttributionScore(set.Count, tp, fp, fn, named, articleRight, set.Count * 2, errors);
    }

    private static IEnumerable<(string Party, string Kind, long Value)> Figures(string party, long? killed, long? injured)
    {
        if (killed is { } k)
            yield return (party, "killed", k);
        if (injured is { } i)
            yield return (party, "injured", i);
    }

    /// <summary>Reads labeled JSON lines: <c>{"id","published","text","killed","injured","claims":[{"party","killed","injured"}]}</c>.</summary>
    public static List<LabeledAttribution> Read(string path) => LabeledLines.Read(path, "labeled line", Parse);

    private static LabeledAttribution Parse(string line, string name)
    {
        using var doc = JsonDocument.Parse(line);
        var e = doc.RootElement;
        var claims = e.TryGetProperty("claims", out var c) && c.ValueKind == JsonValueKind.Array
            ? c.EnumerateArray().Select(a => new LabeledClaim(a.GetProperty("party").GetString() ?? "", Number(a, "killed"), Number(a, "injured"))).ToList()
            : [];
        DateOnly? published = e.TryGetProperty("published", out var p) && p.ValueKind == JsonValueKind.String
            ? DateOnly.ParseExact(p.GetString()![..10], "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
        return new LabeledAttribution(e.TryGetProperty("id", out var id) ? id.GetString() ?? name : name,
            e.GetProperty("text").GetString() ?? "", published, Number(e, "killed"), Number(e, "injured"), claims);
    }

    private static long? Number(JsonElement e, string key) =>
        e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : null;
}

using Vigil.Domain.Claims;
using Vigil.Domain.Incidents;
using Vigil.Domain.Time;
using Vigil.Extraction.Incidents;
using Vigil.Extraction.Numbers;
using Vigil.Extraction.Text;

namespace Vigil.Extraction.Statements;

/// <summary>
/// Statistical claims in the claim checker's type. A sentence yields claims when it names a period of a month
/// or longer ("January 2023", "last year", "in 2022") and a figure: killed or injured (as the casualty parser
/// reads them) or a number of attacks ("at least 44 militant attacks", "more than 100 operations"). A change in
/// percent ("a 139 percent spike") belongs to the figure before it; a record ("one of the deadliest months since
/// July 2018") to the killed figure, as a second claim, since a claim holds one comparison. The scope's actor is
/// the first group named in the sentence before the figure; a province or district named in it narrows the scope.
/// </summary>
public sealed class StatisticalClaimExtractor(ActorFinder actors, PlaceFinder places)
{
    private static readonly HashSet<string> AttackNouns = new(StringComparer.Ordinal)
    {
        "attacks", "operations", "incidents", "assaults", "strikes", "bombings", "blasts", "raids",
    };

    private static readonly HashSet<string> Up = new(StringComparer.Ordinal) { "spike", "increase", "rise", "jump", "surge", "up", "higher", "more", "hike", "growth" };
    private static readonly HashSet<string> Down = new(StringComparer.Ordinal) { "decrease", "decline", "drop", "fall", "down", "lower", "less", "dip", "reduction", "fewer" };

    public List<Claim> Extract(TextDocument doc, DateOnly? published)
    {
        var claims = new List<Claim>();
        foreach (var s in doc.Sentences)
            claims.AddRange(FromSentence(doc, s, published));
        return claims;
    }

    private sealed record Figure(ClaimMetric Metric, long Value, ValueQualifier Qualifier, int Start, int End);

    private IEnumerable<Claim> FromSentence(TextDocument doc, Sentence s, DateOnly? published)
    {
        var dates = DateFinder.Find(doc, published, s.FirstToken, s.EndToken);
        var periods = dates.Where(d => d.Date.Precision is DatePrecision.Month or DatePrecision.Year && !AfterSince(doc, d)).ToList();
        if (periods.Count == 0)
            return [];
        var figures = new List<Figure>();
        foreach (var m in CasualtyParser.Find(doc, s.FirstToken, s.EndToken))
            figures.Add(new Figure(m.Kind == CasualtyKind.Killed ? ClaimMetric.Killed : ClaimMetric.Injured, m.Value, m.Qualifier, m.Start, m.End));
        figures.AddRange(Attacks(doc, s));
        if (figures.Count == 0)
            return [];
        figures.Sort((a, b) => a.Start.CompareTo(b.Start));

        var sentence = doc.Slice(s.Start, s.End);
        var scope = Scope(doc, s, figures[0].Start);
        var changes = Changes(doc, s);
        var record = Record(doc, s, published);
        var claims = new List<Claim>();
        foreach (var f in figures)
        {
            var period = periods.OrderBy(p => Math.Abs(p.Start - f.Start)).First();
            var change = changes.FirstOrDefault(c => c.Start >= f.End && !figures.Any(o => o.Start > f.Start && o.Start < c.Start));
            var claim = new Claim
            {
                Metric = f.Metric,
                Period = ToPeriod(period.Date),
                Value = f.Value,
                Qualifier = f.Qualifier,
                Scope = scope,
                Comparison = change.Percent is { } pct ? new ChangeComparison(pct) : null,
                Text = sentence,
                Evidence = new TextSpan(f.Start, change.Percent is null ? f.End : change.End),
            };
            claims.Add(claim);
            if (record is { } r && f.Metric == ClaimMetric.Killed)
                claims.Add(claim with { Comparison = r.Comparison, Evidence = new TextSpan(Math.Min(r.Start, f.Start), Math.Max(r.End, f.End)) });
        }
        return claims;
    }

    private static bool AfterSince(TextDocument doc, DateMention d) =>
        d.FirstToken > 0 && doc.Tokens[d.FirstToken - 1].Lower is "since" or "from" or "than";

    private static Period ToPeriod(IncidentDate d) =>
        Period.Containing(d.Start, d.Precision == DatePrecision.Year ? PeriodUnit.Year : PeriodUnit.Month);

    private static IEnumerable<Figure> Attacks(TextDocument doc, Sentence s)
    {
        var tokens = doc.Tokens;
        for (var i = s.FirstToken; i < s.EndToken; i++)
        {
            if (QuantityParser.TryParse(tokens, i) is not { } q || q.EndToken > s.EndToken || q.IsVague)
                continue;
            for (var k = q.EndToken; k < Math.Min(s.EndToken, q.EndToken + 3); k++)
            {
                if (AttackNouns.Contains(tokens[k].Lower))
                {
                    yield return new Figure(ClaimMetric.Attacks, q.Value, q.Qualifier, tokens[i].Start, tokens[k].End);
                    break;
                }
                if (!tokens[k].IsWord)
                    break;
            }
            i = q.EndToken - 1;
        }
    }

    private ClaimScope Scope(TextDocument doc, Sentence s, int before)
    {
        var actor = actors.Find(doc, s.FirstToken, s.EndToken).FirstOrDefault(a => a.Start < before);
        var place = places.Find(doc, s.FirstToken, s.EndToken).FirstOrDefault();
        return new ClaimScope
        {
            Country = place?.Place.Country ?? "Pakistan",
            Province = place?.Place.Admin1,
            District = place?.Place.Admin2,
            Actor = actor?.Actor.Name,
        };
    }

    private readonly record struct Change(double? Percent, int Start, int End);

    private static List<Change> Changes(TextDocument doc, Sentence s)
    {
        var tokens = doc.Tokens;
        var list = new List<Change>();
        for (var i = s.FirstToken; i < s.EndToken; i++)
        {
            if (tokens[i].Kind != TokenKind.Number || !double.TryParse(tokens[i].Lower.Replace(",", "", StringComparison.Ordinal), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var pct))
                continue;
            var k = i + 1;
            if (k < s.EndToken && tokens[k].Lower is "percent" or "%")
                k++;
            else if (k + 1 < s.EndToken && tokens[k].Is("per") && tokens[k + 1].Is("cent"))
                k += 2;
            else
                continue;
            var sign = 0;
            for (var j = k; j < Math.Min(s.EndToken, k + 2); j++)
            {
                if (Up.Contains(tokens[j].Lower))
                    sign = 1;
                else if (Down.Contains(tokens[j].Lower))
                    sign = -1;
                if (sign != 0)
                {
                    k = j + 1;
                    break;
                }
            }
            if (sign == 0 && i >= 2 && tokens[i - 1].Is("by"))
                sign = tokens[i - 2].Lower is "increased" or "rose" or "risen" or "jumped" or "surged" ? 1 : tokens[i - 2].Lower is "decreased" or "fell" or "dropped" or "declined" ? -1 : 0;
            if (sign == 0)
                continue;
            var start = i > 0 && tokens[i - 1].Lower is "a" or "an" ? tokens[i - 1].Start : tokens[i].Start;
            list.Add(new Change(sign * pct, start, tokens[k - 1].End));
        }
        return list;
    }

    private static (ClaimComparison Comparison, int Start, int End)? Record(TextDocument doc, Sentence s, DateOnly? published)
    {
        var tokens = doc.Tokens;
        for (var i = s.FirstToken; i < s.EndToken; i++)
        {
            if (tokens[i].Lower is not ("deadliest" or "bloodiest" or "worst"))
                continue;
            var oneOf = i >= 3 && tokens[i - 1].Is("the") && tokens[i - 2].Is("of") && tokens[i - 3].Is("one");
            var start = oneOf ? tokens[i - 3].Start : tokens[i].Start;
            for (var k = i + 1; k < Math.Min(s.EndToken, i + 5); k++)
            {
                if (!tokens[k].Is("since"))
                    continue;
                var since = DateFinder.Find(doc, published, k + 1, Math.Min(s.EndToken, k + 4)).FirstOrDefault();
                if (since is not null && since.FirstToken == k + 1)
                    return (new RecordComparison(ToPeriod(since.Date), oneOf), start, since.End);
                if (k + 2 < s.EndToken && tokens[k + 1].Is("records") && tokens[k + 2].Is("began"))
                    return (new AllTimeRecordComparison(), start, tokens[k + 2].End);
            }
        }
        return null;
    }
}

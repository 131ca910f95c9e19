using Vigil.Domain.Claims;
using Vigil.Domain.Incidents;
using Vigil.Domain.Time;
using Vigil.Extraction.Incidents;
using Vigil.Extraction.Numbers;
using Vigil.Extraction.Text;

namespace Vigil.Extraction.Statements;

/// <summary>
/// Statistical claims in the claim checker's type, read the way roundups state them. A sentence yields claims
/// when it has a figure — killed or injured (as the casualty parser reads them), a number of attacks ("at least
/// 44 militant attacks"), of violent incidents (militant attacks and security-force actions), deaths ("116
/// deaths", "10 out of 16 deaths": 10), or a victims' figure ("Security forces lost 28 personnel", "45
/// militants") — and a period of a month or longer (<see cref="StatisticPeriods"/>): its own, else the period
/// of the sentences before it or of the headline, so that "The month saw 63 attacks. These claimed 83 lives" is
/// two claims for the headline's month. A sentence that dates something to a day, or speaks of one attack ("the
/// blast"), takes no period from its neighbours. The scope comes from <see cref="StatisticScope"/>; the actor is
/// the first group named in the sentence before the figure. A change in percent ("a 139 percent spike") belongs
/// to the figure before it; a record ("one of the deadliest months since July 2018") to the killed figure, as a
/// second claim, since a claim holds one comparison; "the second deadliest month of the year" is a record of rank 2
/// among the months of the claim's year. A figure that is a comparison's baseline ("up from 69", "than 40") is no
/// claim of its own: with its period ("up from 69 in September", "529 the year before") it is the claim's stated
/// baseline, checked beside it. A per-province list ("KP 27 attacks, 116 deaths; Balochistan 9, 18") gives the bare
/// numbers the metrics of its first item, in order.
/// </summary>
public sealed class StatisticalClaimExtractor(ActorFinder actors, PlaceFinder places)
{
    private static readonly HashSet<string> AttackNouns = new(StringComparer.Ordinal)
    {
        "attacks", "operations", "incidents", "assaults", "strikes", "bombings", "blasts", "raids",
    };

    private static readonly HashSet<string> DeathNouns = new(StringComparer.Ordinal) { "deaths", "fatalities", "dead", "killings", "lives" };
    private static readonly HashSet<string> InjuryNouns = new(StringComparer.Ordinal) { "injuries", "injured", "wounded" };

    private static readonly Dictionary<string, string> VictimNouns = new(StringComparer.Ordinal)
    {
        ["personnel"] = "security-forces",
        ["soldiers"] = "security-forces",
        ["policemen"] = "security-forces",
        ["troops"] = "security-forces",
        ["officials"] = "security-forces",
        ["officers"] = "security-forces",
        ["security"] = "security-forces",
        ["cops"] = "security-forces",
        ["militants"] = "militants",
        ["terrorists"] = "militants",
        ["insurgents"] = "militants",
        ["attackers"] = "militants",
        ["civilians"] = "civilians",
        ["non-combatants"] = "civilians",
    };

    // Words of one attack: a sentence with them takes no period from its neighbours.
    private static readonly HashSet<string> OneAttack = new(StringComparer.Ordinal)
    {
        "blast", "explosion", "bomber", "ambush", "gunmen", "bomb", "shooting", "suicide", "yesterday", "today", "tonight",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    };

    private static readonly HashSet<string> Up = new(StringComparer.Ordinal) { "spike", "increase", "rise", "jump", "surge", "up", "higher", "more", "hike", "growth" };
    private static readonly HashSet<string> Down = new(StringComparer.Ordinal) { "decrease", "decline", "drop", "fall", "down", "lower", "less", "dip", "reduction", "fewer" };

    public List<Claim> Extract(TextDocument doc, DateOnly? published, TextDocument? title = null)
    {
        var claims = new List<Claim>();
        Period? current = null;
        if (title is not null)
        {
            foreach (var ts in title.Sentences)
            {
                var tp = StatisticPeriods.Find(title, published, ts.FirstToken, ts.EndToken);
                if (tp.Count > 0)
                {
                    current = tp[0].Period;
                    break;
                }
            }
        }
        var scopes = new StatisticScope(places);
        var dateline = Dateline(doc);
        foreach (var s in doc.Sentences)
            claims.AddRange(FromSentence(doc, s, published, scopes, dateline, ref current));
        return claims;
    }

    // "PESHAWAR: " or "ISLAMABAD, Nov 1 (Agency) -": an upper-case place opening the text is where it was filed.
    private static int Dateline(TextDocument doc)
    {
        var tokens = doc.Tokens;
        for (var i = 0; i < Math.Min(tokens.Count, 4); i++)
        {
            if (tokens[i].Kind == TokenKind.Punctuation && doc.Text[tokens[i].Start] is ':' or '—' or '-' or ',')
                return i > 0 && doc.Text.AsSpan(tokens[0].Start, tokens[i - 1].End - tokens[0].Start).ToString() is var d && d == d.ToUpperInvariant() ? tokens[i].End : -1;
        }
        return -1;
    }

    private sealed record Figure(ClaimMetric Metric, long Value, ValueQualifier Qualifier, int Start, int End, string? Victims = null, bool Violent = false)
    {
        /// <summary>Read by <see cref="Counted"/> rather than by the casualty parser.</summary>
        public bool Counted { get; init; }
    }

    private IEnumerable<Claim> FromSentence(TextDocument doc, Sentence s, DateOnly? published, StatisticScope scopes, int dateline, ref Period? current)
    {
        var scopeOf = scopes.Sentence(doc, s, dateline);
        var record = Record(doc, s, published);
        // "the third most violent month of 2023": the year a rank is counted in frames the comparison; it is not the
        // period of the figures ("December 2023 was ..." is).
        var periods = StatisticPeriods.Find(doc, published, s.FirstToken, s.EndToken)
            .Where(p => record is not { } fr || p.Start < fr.Start || p.Start >= fr.End).ToList();
        var tokens = doc.Tokens;
        var own = periods.Count > 0;
        var dayDated = DateFinder.Find(doc, published, s.FirstToken, s.EndToken).Any(d => d.Date.Precision is DatePrecision.Day or DatePrecision.Week);
        var oneAttack = false;
        for (var i = s.FirstToken; i < s.EndToken && !oneAttack; i++)
            oneAttack = OneAttack.Contains(tokens[i].Lower) || (tokens[i].Lower is "attack" && i > s.FirstToken && tokens[i - 1].Lower is "the" or "an" or "a");
        var figures = Figures(doc, s);
        if (figures.Count == 0)
            return [];
        // Only a sentence that states a statistic sets the period the next ones take ("since the ceasefire in
        // November" in an incident report sets none).
        if (own)
            current = periods[0].Period;
        if (!own && (current is null || dayDated || oneAttack))
            return [];

        var sentence = doc.Slice(s.Start, s.End);
        var changes = Changes(doc, s);
        var claims = new List<Claim>();
        foreach (var f in figures)
        {
            var period = own ? periods.OrderBy(p => Math.Abs(p.Start - f.Start)).First().Period : current!.Value;
            var change = changes.FirstOrDefault(c => c.Start >= f.End && !figures.Any(o => o.Start > f.Start && o.Start < c.Start));
            var scope = scopeOf(f.Start);
            var actor = actors.Find(doc, s.FirstToken, s.EndToken).FirstOrDefault(a => a.Start < f.Start);
            scope = scope with
            {
                Actor = actor?.Actor.Name,
                Victims = f.Victims,
                Categories = f.Violent ? ["militant-attack", "security-operation"] : [],
            };
            var baseline = BaselineAfter(doc, s, f, figures, published, period);
            var claim = new Claim
            {
                Metric = f.Metric,
                Period = period,
                Value = f.Value,
                Qualifier = f.Qualifier,
                Scope = scope,
                Comparison = change.Percent is { } pct ? new ChangeComparison(pct) : null,
                Text = sentence,
                Baseline = baseline?.Baseline,
                Evidence = new TextSpan(f.Start, Math.Max(change.Percent is null ? f.End : change.End, baseline?.End ?? 0)),
            };
            claims.Add(claim);
            if (record is { } r && f.Metric == ClaimMetric.Killed && f.Victims is null)
            {
                var comparison = r.OfClaimYear && r.Comparison is RecordComparison rc
                    ? rc with { Since = Period.Containing(new DateOnly(period.Start.Year, 1, 1), PeriodUnit.Month).Previous() }
                    : r.Comparison;
                claims.Add(claim with { Comparison = comparison, Baseline = null, Evidence = new TextSpan(Math.Min(r.Start, f.Start), Math.Max(r.End, f.End)) });
            }
        }
        return claims;
    }

    private static List<Figure> Figures(TextDocument doc, Sentence s)
    {
        var tokens = doc.Tokens;
        var figures = new List<Figure>();
        foreach (var m in CasualtyParser.Find(doc, s.FirstToken, s.EndToken))
            figures.Add(new Figure(m.Kind == CasualtyKind.Killed ? ClaimMetric.Killed : ClaimMetric.Injured, m.Value, m.Qualifier, m.Start, m.End));
        var counted = Counted(doc, s).Select(f => f with { Counted = true }).ToList();
        // "10 out of 16 deaths", "killing three soldiers": the casualty parser's reading that overlaps a counted
        // figure goes, and the counted figure's evidence covers both (so the incident report leaves the phrase too).
        for (var c = 0; c < counted.Count; c++)
        {
            var f = counted[c];
            var overlapping = figures.Where(x => x.Start < f.End && f.Start < x.End).ToList();
            if (overlapping.Count > 0)
                counted[c] = f with { Start = Math.Min(f.Start, overlapping.Min(x => x.Start)), End = Math.Max(f.End, overlapping.Max(x => x.End)) };
            figures.RemoveAll(x => x.Start < f.End && f.Start < x.End);
        }
        figures.AddRange(counted);
        // One figure per number: the victims' or the counted reading wins over the casualty parser's total.
        // The evidence spans the whole group, so that the incident report leaves the casualty phrase to the statistic.
        figures = [.. figures.GroupBy(f => f.Start).Select(g => g.OrderByDescending(f => f.Victims is not null || f.Violent ? 2 : f.Metric == ClaimMetric.Attacks ? 1 : 0).First() with { End = g.Max(f => f.End) })];
        figures.RemoveAll(f => Baseline(doc, f.Start, s));
        figures.Sort((a, b) => a.Start.CompareTo(b.Start));
        return figures;
    }

    /// <summary>
    /// "rose to 52 in January, up from 42 in December", "increased to 98 from 23 in April", "638 attacks in 2023, up from
    /// 529 the year before": the baseline stated right after a figure (no other figure between), with its period.
    /// </summary>
    private static (StatedBaseline Baseline, int End)? BaselineAfter(TextDocument doc, Sentence s, Figure f, List<Figure> figures, DateOnly? published, Period period)
    {
        var tokens = doc.Tokens;
        var i = s.FirstToken;
        while (i < s.EndToken && tokens[i].Start < f.End)
            i++;
        var next = figures.Where(o => o.Start > f.Start).Select(o => o.Start).DefaultIfEmpty(int.MaxValue).Min();
        for (; i < s.EndToken - 1 && tokens[i].Start < next && tokens[i].Start - f.End < 80; i++)
        {
            if (!StatisticPeriods.IntroducesBaseline(tokens, i, s.FirstToken) || QuantityParser.TryParse(tokens, i + 1) is not { } q || q.EndToken > s.EndToken || q.IsVague)
                continue;
            var k = q.EndToken;
            if (k < s.EndToken && tokens[k].Lower is "percent" or "%" or "per")
                return null;
            // "from 23 attacks in April", "from 41 militant attacks in February": the metric's noun (one or two words)
            // may stand between the number and the period.
            for (var n = 0; n < 2 && k < s.EndToken && tokens[k].IsWord && tokens[k].Lower is not ("in" or "during" or "for" or "the" or "a" or "last"); n++)
                k++;
            if (StatisticPeriods.BaselineAt(doc, published, k, s.EndToken, period) is { } at && at.Period.Unit == period.Unit && at.Period.CompareTo(period) < 0)
                return (new StatedBaseline(at.Period, q.Value, q.Qualifier), at.EndChar);
            return null;
        }
        return null;
    }

    // "up from 69", "than 40", "against 51": the figure a comparison is made with.
    private static bool Baseline(TextDocument doc, int start, Sentence s)
    {
        var tokens = doc.Tokens;
        var i = s.FirstToken;
        while (i < s.EndToken && tokens[i].Start < start)
            i++;
        return i > s.FirstToken && StatisticPeriods.IntroducesBaseline(tokens, i - 1, s.FirstToken);
    }

    private static bool DeathContext(TextDocument doc, Sentence s)
    {
        // "Of them, 44 were security personnel": the dead of the sentence before.
        if (s.FirstToken + 1 < s.EndToken && doc.Tokens[s.FirstToken].Lower is "of" or "among" && doc.Tokens[s.FirstToken + 1].Lower is "them" or "these" or "those" or "the")
            return true;
        for (var i = s.FirstToken; i < s.EndToken; i++)
        {
            if (doc.Tokens[i].Lower is "killed" or "died" or "dead" or "lives" or "martyred" or "lost" or "deaths" or "killing" or "perished" or "fatalities")
                return true;
        }
        return false;
    }

    /// <summary>Figures the casualty parser does not read as roundups write them: attacks, violent incidents, deaths, victims, lists.</summary>
    private static IEnumerable<Figure> Counted(TextDocument doc, Sentence s)
    {
        var tokens = doc.Tokens;
        var deathContext = DeathContext(doc, s);
        List<ClaimMetric>? listMetrics = null;
        var listIndex = 0;
        for (var i = s.FirstToken; i < s.EndToken; i++)
        {
            if (tokens[i].Lower is ";")
                listIndex = 0;
            if (QuantityParser.TryParse(tokens, i) is not { } q || q.EndToken > s.EndToken || q.IsVague)
                continue;
            var start = tokens[i].Start;
            // "10 out of 16 deaths": the part, counted as the noun after the whole.
            if (q.EndToken + 2 < s.EndToken && tokens[q.EndToken].Is("out") && tokens[q.EndToken + 1].Is("of") && QuantityParser.TryParse(tokens, q.EndToken + 2) is { } whole)
            {
                if (whole.EndToken < s.EndToken && DeathNouns.Contains(tokens[whole.EndToken].Lower))
                    yield return new Figure(ClaimMetric.Killed, q.Value, q.Qualifier, start, tokens[whole.EndToken].End);
                i = whole.EndToken;
                continue;
            }
            Figure? found = null;
            var violent = false;
            for (var k = q.EndToken; k < Math.Min(s.EndToken, q.EndToken + 3); k++)
            {
                var w = tokens[k].Lower;
                if (w is "violent" or "violence")
                    violent = true;
                if (AttackNouns.Contains(w) || (w is "incidents" && violent))
                {
                    found = new Figure(ClaimMetric.Attacks, q.Value, q.Qualifier, start, tokens[k].End, Violent: violent && w is "incidents");
                    break;
                }
                if (DeathNouns.Contains(w))
                {
                    found = new Figure(ClaimMetric.Killed, q.Value, q.Qualifier, start, tokens[k].End);
                    break;
                }
                if (InjuryNouns.Contains(w) && k == q.EndToken)
                {
                    found = new Figure(ClaimMetric.Injured, q.Value, q.Qualifier, start, tokens[k].End);
                    break;
                }
                if (deathContext && VictimNouns.TryGetValue(w, out var victims))
                {
                    found = new Figure(ClaimMetric.Killed, q.Value, q.Qualifier, start, tokens[k].End, victims);
                    break;
                }
                if (!tokens[k].IsWord)
                    break;
            }
            // "Militant attacks rose to 52": the noun before the verb.
            if (found is null && i >= 2 && tokens[i - 1].Lower is "to" or "at" && tokens[i - 2].Lower is "rose" or "increased" or "fell" or "dropped" or "declined" or "climbed" or "jumped" or "stood" or "reached" or "surged")
            {
                for (var k = i - 3; k >= Math.Max(s.FirstToken, i - 6); k--)
                {
                    if (AttackNouns.Contains(tokens[k].Lower))
                    {
                        found = new Figure(ClaimMetric.Attacks, q.Value, q.Qualifier, tokens[k].Start, tokens[q.EndToken - 1].End);
                        break;
                    }
                    if (DeathNouns.Contains(tokens[k].Lower))
                    {
                        found = new Figure(ClaimMetric.Killed, q.Value, q.Qualifier, tokens[k].Start, tokens[q.EndToken - 1].End);
                        break;
                    }
                }
            }
            // A list's bare numbers take the metrics of its first item in order ("KP 27 attacks, 116 deaths; Balochistan 9, 18").
            if (found is not null)
            {
                if (listIndex == 0)
                    listMetrics = [];
                if (listMetrics is not null && listMetrics.Count == listIndex && found.Victims is null)
                    listMetrics.Add(found.Metric);
                listIndex++;
                yield return found;
            }
            else if (listMetrics is { Count: >= 2 } && listIndex < listMetrics.Count && Bare(tokens, q.EndToken, s.EndToken))
            {
                yield return new Figure(listMetrics[listIndex], q.Value, q.Qualifier, start, tokens[q.EndToken - 1].End);
                listIndex++;
            }
            i = q.EndToken - 1;
        }
    }

    private static bool Bare(List<Token> tokens, int k, int end) => k >= end || tokens[k].Kind == TokenKind.Punctuation;

    private static Period ToPeriod(IncidentDate d) =>
        Period.Containing(d.Start, d.Precision == DatePrecision.Year ? PeriodUnit.Year : PeriodUnit.Month);

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

    private static readonly string[] RankWords = ["", "", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

    /// <summary>
    /// "the deadliest month since July 2018", "one of the deadliest months since", "the second deadliest month of
    /// the year", "the deadliest month of 2023 so far", "the deadliest since records began".
    /// </summary>
    /// <returns>The comparison; <c>OfClaimYear</c>: "of the year" — the periods of the claim's own year, set once its period is known.</returns>
    private static (ClaimComparison Comparison, int Start, int End, bool OfClaimYear)? Record(TextDocument doc, Sentence s, DateOnly? published)
    {
        var tokens = doc.Tokens;
        for (var i = s.FirstToken; i < s.EndToken; i++)
        {
            if (tokens[i].Lower is not ("deadliest" or "bloodiest" or "worst" or "most"))
                continue;
            if (tokens[i].Lower == "most" && !(i + 1 < s.EndToken && tokens[i + 1].Lower is "violent" or "lethal"))
                continue;
            var oneOf = i >= 3 && tokens[i - 1].Is("the") && tokens[i - 2].Is("of") && tokens[i - 3].Is("one");
            var (rank, rankStart) = Rank(tokens, i, s.FirstToken);
            var start = oneOf ? tokens[i - 3].Start : rank > 1 ? tokens[rankStart].Start : tokens[i].Start;
            for (var k = i + 1; k < Math.Min(s.EndToken, i + 6); k++)
            {
                if (tokens[k].Is("since"))
                {
                    var since = DateFinder.Find(doc, published, k + 1, Math.Min(s.EndToken, k + 4)).FirstOrDefault();
                    if (since is not null && since.FirstToken == k + 1)
                        return (new RecordComparison(ToPeriod(since.Date), oneOf, Rank: oneOf ? 1 : rank), start, since.End, false);
                    if (k + 2 < s.EndToken && tokens[k + 1].Is("records") && tokens[k + 2].Is("began") && rank == 1)
                        return (new AllTimeRecordComparison(), start, tokens[k + 2].End, false);
                }
                // "of the year", "of 2023", "this year", "so far this year": the periods of that year up to the claim's.
                var noun = i + (tokens[i].Lower == "most" ? 2 : 1);
                var periodNoun = noun < s.EndToken && tokens[noun].Lower is "month" or "months" or "quarter" or "quarters" or "week" or "weeks" or "period";
                if (periodNoun && YearOf(tokens, k, s.EndToken, published) is var (year, last, relative))
                {
                    var before = Period.Containing(new DateOnly(year, 1, 1), PeriodUnit.Month).Previous();
                    while (last + 2 < s.EndToken && tokens[last + 1].Is("so") && tokens[last + 2].Is("far"))
                        last += 2;
                    return (new RecordComparison(before, oneOf, Rank: oneOf ? 1 : rank), start, tokens[last].End, relative);
                }
            }
        }
        return null;
    }

    /// <summary>"second", "third", "2nd" (one token or "2" and "nd") before the superlative at <paramref name="i"/>; 1 when none.</summary>
    private static (int Rank, int Start) Rank(List<Token> tokens, int i, int first)
    {
        if (i <= first)
            return (1, i);
        var t = tokens[i - 1];
        var r = Array.IndexOf(RankWords, t.Lower);
        if (r > 1)
            return (r, i - 1);
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        if (t.Lower.Length >= 3 && t.Lower[^2..] is "nd" or "rd" or "th" && int.TryParse(t.Lower[..^2], System.Globalization.NumberStyles.None, inv, out var n) && n is >= 2 and <= 10)
            return (n, i - 1);
        if (i - 2 >= first && t.Lower is "nd" or "rd" or "th" && tokens[i - 2].End == t.Start && int.TryParse(tokens[i - 2].Lower, System.Globalization.NumberStyles.None, inv, out var m) && m is >= 2 and <= 10)
            return (m, i - 2);
        return (1, i);
    }

    private static (int Year, int Last, bool Relative)? YearOf(List<Token> tokens, int k, int end, DateOnly? published)
    {
        if (tokens[k].Is("of") && k + 1 < end && tokens[k + 1].Kind == TokenKind.Number && tokens[k + 1].Length == 4
            && int.TryParse(tokens[k + 1].Lower, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) && y is >= 1970 and <= 2100)
            return (y, k + 1, false);
        if (published is not { } p)
            return null;
        if (tokens[k].Is("of") && k + 2 < end && tokens[k + 1].Is("the") && tokens[k + 2].Is("year"))
            return (p.Year, k + 2, true);
        if (tokens[k].Is("this") && k + 1 < end && tokens[k + 1].Is("year"))
            return (p.Year, k + 1, true);
        return null;
    }
}

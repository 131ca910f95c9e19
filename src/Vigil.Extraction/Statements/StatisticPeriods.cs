using System.Globalization;
using Vigil.Domain.Incidents;
using Vigil.Domain.Time;
using Vigil.Extraction.Incidents;
using Vigil.Extraction.Text;

namespace Vigil.Extraction.Statements;

/// <summary>A period a statistic can be stated for, where it was read.</summary>
public readonly record struct PeriodMention(Period Period, int Start, int End, int FirstToken, string Rule);

/// <summary>
/// The periods of a month or longer in a range of tokens, as roundups write them. Besides the dates
/// <see cref="DateFinder"/> reads ("January 2023", "last month", "in 2022", "this year"): a bare month ("in
/// October") is the latest such month on or before publication; "of 2023" is the year; "the 7th month of the
/// year" the month of the publication's year (or of the year named); "the second quarter of 2023", "Q2" a
/// quarter (the latest on or before publication when no year is named); "the first half of 2023", "the second
/// half of the year", "H1 2023" a half-year. A period right after "since", "from",
/// "than", "against" or "over" — or after a figure those words introduce ("up from 69 in September") — is a
/// baseline of a comparison, not the statistic's period, and is left out.
/// </summary>
public static class StatisticPeriods
{
    private static readonly string[] Months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
    private static readonly string[] Ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"];

    public static List<PeriodMention> Find(TextDocument doc, DateOnly? published, int first, int end)
    {
        var tokens = doc.Tokens;
        var dates = DateFinder.Find(doc, published, first, end);
        var list = new List<PeriodMention>();
        for (var i = first; i < end; i++)
        {
            if (dates.Any(d => d.Start <= tokens[i].Start && tokens[i].Start < d.End && d.Date.Precision == DatePrecision.Month))
                continue;
            if (Extra(doc, published, i, first, end) is { } m)
            {
                if (!Baseline(tokens, i, first))
                    list.Add(m);
                while (i + 1 < end && tokens[i + 1].Start < m.End)
                    i++;
            }
        }
        // An ordinal month or a quarter read here wins over the year inside it.
        foreach (var d in dates)
        {
            if (d.Date.Precision is DatePrecision.Month or DatePrecision.Year && !Baseline(tokens, d.FirstToken, first)
                && !list.Any(p => p.Start < d.End && d.Start < p.End))
                list.Add(new PeriodMention(Period.Containing(d.Date.Start, d.Date.Precision == DatePrecision.Year ? PeriodUnit.Year : PeriodUnit.Month), d.Start, d.End, d.FirstToken, d.Rule));
        }
        list.Sort((a, b) => a.Start.CompareTo(b.Start));
        return list;
    }

    private static PeriodMention? Extra(TextDocument doc, DateOnly? published, int i, int first, int end)
    {
        var tokens = doc.Tokens;
        var w = tokens[i].Lower;
        var prev = i > first ? tokens[i - 1].Lower : "";
        // A bare month: "in October", "during November", "October saw", "while July alone saw".
        var month = Array.IndexOf(Months, w) + 1;
        if (month > 0 && published is { } p && char.IsUpper(doc.Text[tokens[i].Start])
            && (prev is "in" or "during" or "for" or "throughout" or "of" || (i == first && w != "may") || SubjectMonth(tokens, i, first, end))
            && !(i + 1 < end && tokens[i + 1].Kind == TokenKind.Number) && !(i > first && tokens[i - 1].Kind == TokenKind.Number))
        {
            var year = month <= p.Month ? p.Year : p.Year - 1;
            return new PeriodMention(Period.Containing(new DateOnly(year, month, 1), PeriodUnit.Month), tokens[i].Start, tokens[i].End, i, "bare-month");
        }
        // "the first half of 2023", "the second half of the year", "H1 2023": a half-year.
        var halfOf = w is "first" or "second" && i + 2 < end && tokens[i + 1].Is("half") && tokens[i + 2].Is("of") ? i + 3
            : w is "first" or "last" && i + 3 < end && tokens[i + 1].Is("six") && tokens[i + 2].Is("months") && tokens[i + 3].Is("of") ? i + 4
            : -1;
        if (halfOf > 0)
        {
            w = w == "last" ? "second" : w;
            var (hy, last) = YearAfterOf(tokens, halfOf, end, published);
            if (hy is { } halfYear)
                return new PeriodMention(Period.Containing(new DateOnly(halfYear, w == "first" ? 1 : 7, 1), PeriodUnit.HalfYear), tokens[i].Start, tokens[last].End, i, "half-year");
        }
        if (w.Length == 2 && w[0] == 'h' && w[1] is '1' or '2' && published is { } hp)
        {
            int? hy = i + 1 < end ? Year(tokens[i + 1]) : null;
            var start = new DateOnly(hy ?? hp.Year, w[1] == '1' ? 1 : 7, 1);
            if (hy is null && start > hp)
                start = start.AddYears(-1);
            return new PeriodMention(Period.Containing(start, PeriodUnit.HalfYear), tokens[i].Start, tokens[hy is null ? i : i + 1].End, i, "half-year");
        }
        // "the year 2023 saw", "during the year 2022".
        if (w == "year" && prev == "the" && i + 1 < end && Year(tokens[i + 1]) is { } named)
            return new PeriodMention(Period.Containing(new DateOnly(named, 1, 1), PeriodUnit.Year), tokens[i].Start, tokens[i + 1].End, i, "the-year");
        // "of 2023" (not after a month, which DateFinder read; not the year of a half read above).
        if (w == "of" && i + 1 < end && Year(tokens[i + 1]) is { } y && prev != "half")
            return new PeriodMention(Period.Containing(new DateOnly(y, 1, 1), PeriodUnit.Year), tokens[i + 1].Start, tokens[i + 1].End, i + 1, "of-year");
        // "the 7th month of the year", "the seventh month of 2023" ("7th" may be read as "7" and "th").
        var o = i;
        var ordinal = Ordinal(w);
        if (ordinal is null && tokens[i].Kind == TokenKind.Number && i + 1 < end && tokens[i + 1].Lower is "st" or "nd" or "rd" or "th" && tokens[i + 1].Start == tokens[i].End)
        {
            ordinal = int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var on) ? on : null;
            o = i + 1;
        }
        if (ordinal is { } n && n is >= 1 and <= 12 && o + 2 < end && tokens[o + 1].Is("month") && tokens[o + 2].Is("of"))
        {
            var (yr, last) = YearAfterOf(tokens, o + 3, end, published);
            if (yr is { } oy)
                return new PeriodMention(Period.Containing(new DateOnly(oy, n, 1), PeriodUnit.Month), tokens[i].Start, tokens[last].End, i, "ordinal-month");
        }
        // "the second quarter of 2023", "Q2 2023".
        var quarter = Ordinal(w) is { } q && q <= 4 && i + 1 < end && tokens[i + 1].Is("quarter") ? q
            : w.Length == 2 && w[0] == 'q' && w[1] is >= '1' and <= '4' ? w[1] - '0' : 0;
        if (quarter > 0 && published is { } pub)
        {
            var k = tokens[i].Lower[0] == 'q' && w.Length == 2 ? i + 1 : i + 2;
            int? qy = null;
            var lastTok = k - 1;
            if (k < end && tokens[k].Is("of") && k + 1 < end && Year(tokens[k + 1]) is { } y1)
                (qy, lastTok) = (y1, k + 1);
            else if (k < end && Year(tokens[k]) is { } y2)
                (qy, lastTok) = (y2, k);
            var start = new DateOnly(qy ?? pub.Year, (quarter - 1) * 3 + 1, 1);
            if (qy is null && start > pub)
                start = start.AddYears(-1);
            return new PeriodMention(Period.Containing(start, PeriodUnit.Quarter), tokens[i].Start, tokens[lastTok].End, i, "quarter");
        }
        return null;
    }

    /// <summary>
    /// The period of a comparison's baseline at token <paramref name="k"/>, relative to the claim's period: "in
    /// September" (the latest September on or before the claim's period), "in December 2022", "the year before", "the
    /// previous month", "a year earlier", "last year". Null when none is there.
    /// </summary>
    public static (Period Period, int EndChar)? BaselineAt(TextDocument doc, DateOnly? published, int k, int end, Period claim)
    {
        var tokens = doc.Tokens;
        if (k >= end)
            return null;
        var unitName = claim.Unit switch
        {
            PeriodUnit.Month => "month",
            PeriodUnit.Quarter => "quarter",
            PeriodUnit.Year => "year",
            PeriodUnit.Week => "week",
            _ => "",
        };
        string W(int j) => j < end ? tokens[j].Lower : "";
        var j = k;
        while (j < end && j < k + 2 && tokens[j].Lower is "in" or "during" or "for")
            j++;
        // "the year before", "the previous month", "a year earlier", "a year ago", "last year", "the same month last year".
        if (W(j) is "the" or "a" && W(j + 2) is "before" or "earlier" or "ago" && W(j + 1) is "year" or "month" or "quarter" or "week")
            return (Relative(claim, W(j + 1), unitName), tokens[j + 2].End);
        if (W(j) is "the" && W(j + 1) is "previous" or "preceding" && W(j + 2) is "year" or "month" or "quarter" or "week")
            return (Relative(claim, W(j + 2), unitName), tokens[j + 2].End);
        if (W(j) is "last" && W(j + 1) is "year")
            return (Relative(claim, "year", unitName), tokens[j + 1].End);
        if (W(j) is "the" && W(j + 1) is "same" && W(j + 2) == unitName && W(j + 3) is "last" && W(j + 4) is "year")
            return (claim.YearBefore(), tokens[j + 4].End);
        if (j == k || j >= end)
            return null;
        var date = DateFinder.Find(doc, published, j, Math.Min(end, j + 4)).FirstOrDefault(d => d.FirstToken == j);
        if (date is { Date.Precision: DatePrecision.Month or DatePrecision.Year })
            return (Period.Containing(date.Date.Start, date.Date.Precision == DatePrecision.Year ? PeriodUnit.Year : PeriodUnit.Month), date.End);
        var month = Array.IndexOf(Months, tokens[j].Lower) + 1;
        if (month > 0 && char.IsUpper(doc.Text[tokens[j].Start]))
        {
            var year = month <= claim.Start.Month ? claim.Start.Year : claim.Start.Year - 1;
            if (j + 1 < end && Year(tokens[j + 1]) is { } y)
                return (Period.Containing(new DateOnly(y, month, 1), PeriodUnit.Month), tokens[j + 1].End);
            return (Period.Containing(new DateOnly(year, month, 1), PeriodUnit.Month), tokens[j].End);
        }
        if (j < end && Year(tokens[j]) is { } yr)
            return (Period.Containing(new DateOnly(yr, 1, 1), PeriodUnit.Year), tokens[j].End);
        return null;
    }

    // "the year before" a month is that month a year before; "the month before" a month, the month before.
    private static Period Relative(Period claim, string unit, string claimUnit) =>
        unit == claimUnit ? claim.Previous() : unit == "year" ? claim.YearBefore() : claim.Previous();

    /// <summary>
    /// A month as the subject of a clause after a conjunction or a comma: "while July alone saw 81 attacks", "and
    /// October recorded 40" — followed by the verb of a statistic, so a name ("June Khan") or "may" never is one.
    /// </summary>
    private static bool SubjectMonth(List<Token> tokens, int i, int first, int end)
    {
        if (i <= first || i + 1 >= end || tokens[i].Lower == "may")
            return false;
        var before = tokens[i - 1].Lower;
        if (before is not ("while" or "whilst" or "whereas" or "and" or "but" or "," or ";"))
            return false;
        var k = i + 1;
        if (tokens[k].Lower is "alone" or "also" or "too" or "itself" && k + 1 < end)
            k++;
        return tokens[k].Lower is "saw" or "recorded" or "witnessed" or "registered" or "was" or "had" or "brought" or "accounted" or "logged";
    }

    private static (int? Year, int Last) YearAfterOf(List<Token> tokens, int k, int end, DateOnly? published)
    {
        if (k < end && Year(tokens[k]) is { } y)
            return (y, k);
        if (k + 1 < end && tokens[k].Is("the") && tokens[k + 1].Is("year") && published is { } p)
            return (p.Year, k + 1);
        if (k + 1 < end && tokens[k].Is("this") && tokens[k + 1].Is("year") && published is { } p2)
            return (p2.Year, k + 1);
        return (null, k);
    }

    private static int? Ordinal(string w)
    {
        var i = Array.IndexOf(Ordinals, w);
        if (i >= 0)
            return i + 1;
        if (w.Length >= 3 && w[^2..] is "st" or "nd" or "rd" or "th" && int.TryParse(w[..^2], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            return n;
        return null;
    }

    private static int? Year(Token t) =>
        t.Kind == TokenKind.Number && t.Length == 4 && int.TryParse(t.Lower, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1970 and <= 2100 ? y : null;

    /// <summary>Whether the period at token <paramref name="i"/> is a comparison's baseline ("since July 2018", "up from 69 in September").</summary>
    private static bool Baseline(List<Token> tokens, int i, int first)
    {
        // "since the end of the ceasefire in November": a period inside a since-clause is its start, not a statistic's.
        for (var j = i - 1; j >= Math.Max(first, i - 8) && tokens[j].Kind != TokenKind.Punctuation; j--)
        {
            if (tokens[j].Is("since"))
                return true;
        }
        var k = i - 1;
        while (k >= first && tokens[k].Lower is "in" or "of" or "during" or "the")
            k--;
        if (k < first)
            return false;
        if (tokens[k].Kind == TokenKind.Number)
            return k > first && IntroducesBaseline(tokens, k - 1, first);
        // "up from 69 attacks in October", "from 51 militant attacks in 2022": the metric's noun (one or two words)
        // between the baseline's figure and its period.
        for (var n = k; n > Math.Max(first, k - 2) && tokens[n].IsWord; n--)
        {
            if (tokens[n - 1].Kind == TokenKind.Number)
                return n - 1 > first && IntroducesBaseline(tokens, n - 2, first);
        }
        return tokens[k].Lower is "since" or "over" || IntroducesBaseline(tokens, k, first);
    }

    /// <summary>
    /// "from", "against", "compared with/to", "than" (not "more than", a qualifier): the word before a comparison's
    /// baseline. A bare "with" is none ("the worst hit, with 38 attacks").
    /// </summary>
    internal static bool IntroducesBaseline(List<Token> tokens, int k, int first) =>
        tokens[k].Lower is "from" or "against"
        || (tokens[k].Lower is "with" or "to" && k > first && tokens[k - 1].Lower is "compared" or "compare")
        || (tokens[k].Lower is "than" && !(k > first && tokens[k - 1].Lower is "more" or "less" or "fewer" or "other"));
}

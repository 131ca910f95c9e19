using System.Globalization;
using Vigil.Domain.Incidents;
using Vigil.Extraction.Numbers;
using Vigil.Extraction.Text;

namespace Vigil.Extraction.Incidents;

/// <summary>
/// Finds dates in a text and resolves them. Against the publication date P: "today", "this morning",
/// "tonight" are P; "yesterday" and "last night" P-1; "on Monday" the latest Monday on or before P ("last
/// Monday" strictly before); "this week" P's ISO week up to P and "last week" the week before (precision week);
/// "this month", "last month", "last year" likewise. Written dates ("12 March 2023", "March 12", "January 2023",
/// "in 2022") are taken as given; a day and month without a year get P's year, or the year before when that
/// would fall after P. Without P, relative expressions are skipped.
/// </summary>
public static class DateFinder
{
    private static readonly Dictionary<string, int> MonthNumbers = new(StringComparer.Ordinal)
    {
        ["january"] = 1,
        ["february"] = 2,
        ["march"] = 3,
        ["april"] = 4,
        ["may"] = 5,
        ["june"] = 6,
        ["july"] = 7,
        ["august"] = 8,
        ["september"] = 9,
        ["october"] = 10,
        ["november"] = 11,
        ["december"] = 12,
        ["jan"] = 1,
        ["feb"] = 2,
        ["mar"] = 3,
        ["apr"] = 4,
        ["jun"] = 6,
        ["jul"] = 7,
        ["aug"] = 8,
        ["sep"] = 9,
        ["sept"] = 9,
        ["oct"] = 10,
        ["nov"] = 11,
        ["dec"] = 12,
    };

    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.Ordinal)
    {
        ["monday"] = DayOfWeek.Monday,
        ["tuesday"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday,
        ["saturday"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday,
    };

    public static List<DateMention> Find(TextDocument doc, DateOnly? published, int firstToken = 0, int endToken = -1)
    {
        var tokens = doc.Tokens;
        if (endToken < 0)
            endToken = tokens.Count;
        var found = new List<DateMention>();
        var i = firstToken;
        while (i < endToken)
        {
            if (At(doc, i, endToken, published) is { } m)
            {
                found.Add(m);
                i = Math.Max(i + 1, TokenAfter(tokens, m.End, i));
            }
            else
            {
                i++;
            }
        }
        return found;
    }

    private static int TokenAfter(List<Token> tokens, int charEnd, int from)
    {
        var k = from;
        while (k < tokens.Count && tokens[k].Start < charEnd)
            k++;
        return k;
    }

    private static DateMention? At(TextDocument doc, int i, int endToken, DateOnly? p)
    {
        var tokens = doc.Tokens;
        var w = tokens[i].Lower;
        DateMention Day(DateOnly d, int last, string rule) => Make(doc, IncidentDate.OnDay(d), i, last, rule);

        if (p is { } pub)
        {
            switch (w)
            {
                case "yesterday":
                    return Day(pub.AddDays(-1), i, "yesterday");
                case "today":
                    return Day(pub, i, "today");
                case "tonight":
                    return Day(pub, i, "tonight");
                case "this" when Next(tokens, i, endToken) is "morning" or "afternoon" or "evening":
                    return Day(pub, i + 1, "today");
                case "last" when Next(tokens, i, endToken) is "night" or "evening":
                    return Day(pub.AddDays(-1), i + 1, "last-night");
                case "this" when Next(tokens, i, endToken) == "week":
                    return Make(doc, new IncidentDate(WeekStart(pub), pub, DatePrecision.Week), i, i + 1, "this-week");
                case "last" when Next(tokens, i, endToken) == "week":
                    return Make(doc, new IncidentDate(WeekStart(pub).AddDays(-7), WeekStart(pub).AddDays(-1), DatePrecision.Week), i, i + 1, "last-week");
                case "this" when Next(tokens, i, endToken) == "month":
                    return Make(doc, IncidentDate.InMonth(pub.Year, pub.Month), i, i + 1, "this-month");
                case "last" when Next(tokens, i, endToken) == "month":
                    var lm = pub.AddMonths(-1);
                    return Make(doc, IncidentDate.InMonth(lm.Year, lm.Month), i, i + 1, "last-month");
                case "last" when Next(tokens, i, endToken) == "year":
                    return Make(doc, IncidentDate.InYear(pub.Year - 1), i, i + 1, "last-year");
                case "this" when Next(tokens, i, endToken) == "year":
                    return Make(doc, IncidentDate.InYear(pub.Year), i, i + 1, "this-year");
                case "last" when Next(tokens, i, endToken) is { } wd && Weekdays.TryGetValue(wd, out var lastDay):
                    return Day(LatestOnOrBefore(pub.AddDays(-1), lastDay), i + 1, "last-weekday");
            }
            if (Weekdays.TryGetValue(Possessive(w), out var day) && char.IsUpper(doc.Text[tokens[i].Start]))
            {
                var last = Next(tokens, i, endToken) is "night" or "morning" or "evening" or "afternoon" ? i + 1 : i;
                return Day(LatestOnOrBefore(pub, day), last, "weekday");
            }
        }
        // "12 March 2023", "12th March", "March 12, 2023", "March 2023", "in 2022"
        if (tokens[i].Kind == TokenKind.Number && DayNumber(tokens[i]) is { } dn)
        {
            var k = i + 1;
            if (k < endToken && tokens[k].Lower is "th" or "st" or "nd" or "rd")
                k++;
            if (k < endToken && tokens[k].Lower == "of")
                k++;
            if (k < endToken && MonthNumbers.TryGetValue(tokens[k].Lower, out var month))
            {
                var (year, last) = YearAfter(tokens, k + 1, endToken);
                return DayOf(doc, i, last ?? k, dn, month, year, p);
            }
        }
        if (MonthNumbers.TryGetValue(w, out var m) && char.IsUpper(doc.Text[tokens[i].Start]) && !(w == "may" && i > 0 && tokens[i - 1].IsWord && !CasualtyWords.Months.Contains(tokens[i - 1].Lower) && tokens[i - 1].Lower is not ("in" or "on" or "of" or "since" or "until" or "by")))
        {
            if (i + 1 < endToken && tokens[i + 1].Kind == TokenKind.Number && DayNumber(tokens[i + 1]) is { } d2)
            {
                var k = i + 2;
                if (k < endToken && tokens[k].Lower is "th" or "st" or "nd" or "rd")
                    k++;
                var (year, last) = YearAfter(tokens, k, endToken);
                return DayOf(doc, i, last ?? k - 1, d2, m, year, p);
            }
            var (y, lastTok) = YearAfter(tokens, i + 1, endToken);
            if (y is { } yy && lastTok is { } lt)
                return Make(doc, IncidentDate.InMonth(yy, m), i, lt, "month-year");
        }
        if (w is "in" or "during" && i + 1 < endToken && Year(tokens[i + 1]) is { } onlyYear)
            return Make(doc, IncidentDate.InYear(onlyYear), i + 1, i + 1, "year");
        return null;
    }

    private static DateMention? DayOf(TextDocument doc, int first, int last, int day, int month, int? year, DateOnly? p)
    {
        var y = year ?? p?.Year;
        if (y is null || day > DateTime.DaysInMonth(y.Value, month))
            return null;
        var date = new DateOnly(y.Value, month, day);
        if (year is null && p is { } pub && date > pub)
        {
            if (day > DateTime.DaysInMonth(y.Value - 1, month))
                return null;
            date = new DateOnly(y.Value - 1, month, day);
        }
        if (IncidentDate.Problem(date, date) is not null)
            return null;
        return Make(doc, IncidentDate.OnDay(date), first, last, year is null ? "day-month" : "day-month-year");
    }

    private static (int? Year, int? Last) YearAfter(List<Token> tokens, int k, int endToken)
    {
        if (k < endToken && tokens[k].Lower == ",")
            k++;
        return k < endToken && Year(tokens[k]) is { } y ? (y, k) : (null, null);
    }

    private static int? Year(Token t) =>
        t.Kind == TokenKind.Number && t.Length == 4 && int.TryParse(t.Lower, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2100 ? y : null;

    private static int? DayNumber(Token t) =>
        t.Length <= 2 && int.TryParse(t.Lower, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 31 ? d : null;

    // "Monday's bombing"
    private static string Possessive(string w) => w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("’s", StringComparison.Ordinal) ? w[..^2] : w;

    private static string? Next(List<Token> tokens, int i, int endToken) => i + 1 < endToken ? tokens[i + 1].Lower : null;

    private static DateOnly WeekStart(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    private static DateOnly LatestOnOrBefore(DateOnly d, DayOfWeek day) => d.AddDays(-(((int)d.DayOfWeek - (int)day + 7) % 7));

    private static DateMention Make(TextDocument doc, IncidentDate date, int first, int last, string rule)
    {
        var start = doc.Tokens[first].Start;
        var end = doc.Tokens[last].End;
        return new DateMention(date, start, end, doc.Slice(start, end), rule, first);
    }
}

using Vigil.Domain.Claims;
using Vigil.Domain.Incidents;
using Vigil.Extraction.Incidents;
using Vigil.Extraction.Text;

namespace Vigil.Extraction.Documents;

/// <summary>
/// Classifies an article by cues, counted over its text. A roundup states totals over periods: each statistic
/// found is one point, and so is each aggregate cue ("during the month", "compared to", "according to data
/// compiled by", "the institute", "month-on-month"). An editorial argues: modal and opinion markers ("must",
/// "should", "the fact of the matter", "remains to be seen") and the first person plural count. A statement has
/// its cues ("claimed responsibility", "in a statement") and no toll. A count of three or more attacks ("146
/// attacks") is an aggregate cue. Rules, in order: opinion of 3 or more
/// that is at least half the roundup score is an editorial; a roundup score of 3 or more with an aggregate cue
/// and a statistic (or 3 aggregate cues) is a roundup, unless words of one event are half as many or a toll
/// dated to a day stands outside the statistics; two
/// statistics and no toll outside them is a roundup unless a word of one event stands in the text ("a blast",
/// "the attack", "drone strike"); then, with no toll: a statement cue is a statement, an opinion cue with no
/// event an editorial; else an incident report.
/// The work is one pass of a phrase index over the tokens.
/// </summary>
public static class DocumentClassifier
{
    private enum CueKind { Aggregate, Opinion, Statement }

    private static readonly PhraseIndex<CueKind> Cues = Build();

    private static PhraseIndex<CueKind> Build()
    {
        var index = new PhraseIndex<CueKind>();
        foreach (var p in new[]
        {
            "during the month", "in the month", "the month saw", "this month saw", "month-on-month", "month on month",
            "compared to", "compared with", "as compared to", "against the previous month", "previous month", "preceding month",
            "according to data", "data compiled", "compiled by", "the institute", "think tank", "think-tank", "monthly report",
            "monthly security report", "security report", "annual security report", "annual report", "half-yearly", "first half",
            "second half", "the quarter", "year-on-year", "year on year", "data released", "the report said",
            "the report", "report said", "the data", "statistics", "figures show", "data show", "data shows", "per the data",
            "witnessed", "in total", "a total of", "overall", "deadliest month", "up from", "down from", "increase of",
            "decrease of", "percent increase", "percent decrease", "per cent", "countrywide", "across the country", "nationwide",
        })
            index.Add(p, CueKind.Aggregate);
        foreach (var p in new[]
        {
            "must", "should", "ought to", "needs to", "need to", "it is time", "needs", "the fact of the matter", "remains to be seen",
            "in our view", "we", "our", "it is imperative", "would do well", "one hopes", "one wonders", "arguably",
            "clearly", "the truth is", "it is high time", "cannot afford", "is the way to go", "editorial", "op-ed", "opinion",
            "the question is", "there is no doubt", "there is sufficient evidence", "it is unfortunate", "regrettably",
            "would be wise", "has to be", "have to be", "will have to", "should not", "must not",
        })
            index.Add(p, CueKind.Opinion);
        foreach (var p in new[]
        {
            "claimed responsibility", "claims responsibility", "claiming responsibility", "in a statement", "said in a statement",
            "press release", "spokesman", "spokesperson", "statement issued", "issued a statement", "vowed", "warned", "denied",
            "condemned", "press conference",
        })
            index.Add(p, CueKind.Statement);
        return index;
    }

    /// <summary>Classifies <paramref name="doc"/> (the title, when there is one, is read with it as <paramref name="title"/>).</summary>
    public static DocumentClassification Classify(TextDocument doc, TextDocument? title, IReadOnlyList<Claim> statistics, ExtractedReport? report)
    {
        var evidence = new List<DocumentCue>();
        int aggregate = 0, opinion = 0, statement = 0;
        foreach (var (d, offset) in new[] { (title, -1), (doc, 0) })
        {
            if (d is null)
                continue;
            foreach (var m in Cues.FindAll(d))
            {
                var cue = d.Slice(m.Start, m.End).ToLowerInvariant();
                var (start, end) = offset < 0 ? (-1, -1) : (m.Start, m.End);
                switch (m.Value)
                {
                    case CueKind.Aggregate:
                        aggregate++;
                        evidence.Add(new DocumentCue(DocumentKind.StatisticalRoundup, cue, start, end));
                        break;
                    case CueKind.Opinion:
                        opinion++;
                        evidence.Add(new DocumentCue(DocumentKind.AnalysisOrEditorial, cue, start, end));
                        break;
                    default:
                        statement++;
                        evidence.Add(new DocumentCue(DocumentKind.StatementOrClaim, cue, start, end));
                        break;
                }
            }
        }
        foreach (var c in statistics)
            evidence.Add(new DocumentCue(DocumentKind.StatisticalRoundup, $"statistic ({c.Metric.ToString().ToLowerInvariant()} in {c.Period.Label})", c.Evidence?.Start ?? -1, c.Evidence?.End ?? -1));
        var events = OneEvent(doc, evidence);
        aggregate += CountsOfAttacks(doc, evidence);
        var roundup = aggregate + statistics.Count;
        var hasToll = report?.KilledAsRead is not null || report?.InjuredAsRead is not null;
        var kind =
            opinion >= 3 && opinion * 2 >= roundup ? DocumentKind.AnalysisOrEditorial
            : roundup >= 3 && aggregate >= 1 && (statistics.Count > 0 || aggregate >= 3) && events * 2 < roundup && !OneDatedAttack(report, statistics) ? DocumentKind.StatisticalRoundup
            // Every figure is a period's total: nothing is left for one attack's toll.
            : statistics.Count >= 2 && !hasToll && opinion == 0 && events == 0 ? DocumentKind.StatisticalRoundup
            : statement > 0 && !hasToll ? DocumentKind.StatementOrClaim
            : opinion > 0 && !hasToll && events == 0 ? DocumentKind.AnalysisOrEditorial
            : DocumentKind.IncidentReport;
        return new DocumentClassification(kind, roundup, opinion, statement, evidence);
    }

    private static readonly HashSet<string> EventWords = new(StringComparer.Ordinal) { "blast", "explosion", "ambush", "bomber", "gunman", "gunmen", "shooting" };
    private static readonly HashSet<string> EventNouns = new(StringComparer.Ordinal) { "attack", "strike", "raid", "bombing", "assault" };

    // Words of one event ("a blast", "the attack", "drone strike"): a text with them reports something that happened.
    private static int OneEvent(TextDocument doc, List<DocumentCue> evidence)
    {
        var tokens = doc.Tokens;
        var count = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var w = tokens[i].Lower;
            if (EventWords.Contains(w) || (EventNouns.Contains(w) && i > 0 && tokens[i - 1].Lower is "a" or "an" or "the" or "suicide" or "drone" or "deadly" or "bomb" or "grenade"))
            {
                count++;
                evidence.Add(new DocumentCue(DocumentKind.IncidentReport, w, tokens[i].Start, tokens[i].End));
            }
        }
        return count;
    }

    private static readonly HashSet<string> PluralAttacks = new(StringComparer.Ordinal) { "attacks", "incidents", "bombings", "operations", "assaults" };

    // "146 attacks", "85 violent incidents": a count of attacks is a period's total (three or more, so that "two
    // attacks on Monday" is not one).
    private static int CountsOfAttacks(TextDocument doc, List<DocumentCue> evidence)
    {
        var tokens = doc.Tokens;
        var count = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (Numbers.QuantityParser.TryParse(tokens, i) is not { IsVague: false } q || q.Value < 3)
                continue;
            for (var k = q.EndToken; k < Math.Min(tokens.Count, q.EndToken + 3) && tokens[k].IsWord; k++)
            {
                if (PluralAttacks.Contains(tokens[k].Lower))
                {
                    count++;
                    evidence.Add(new DocumentCue(DocumentKind.StatisticalRoundup, "count of attacks", tokens[i].Start, tokens[k].End));
                    break;
                }
            }
            i = Math.Max(i, q.EndToken - 1);
        }
        return count;
    }

    // A report whose toll is dated to a day and read outside every statistic is an attack, whatever the cues say
    // ("the deadliest attack this month" in an incident report).
    private static bool OneDatedAttack(ExtractedReport? report, IReadOnlyList<Claim> statistics) =>
        report is { KilledAsRead: { } k, Date: { } d } && d.Value.Precision == DatePrecision.Day && statistics.Count < 2
        && !statistics.Any(c => c.Evidence is { } e && k.Start >= e.Start && k.End <= e.End);

    /// <summary>Whether an article of this kind yields <paramref name="report"/> as an incident candidate.</summary>
    public static bool YieldsIncident(DocumentKind kind, ExtractedReport report) => kind switch
    {
        DocumentKind.IncidentReport or DocumentKind.StatementOrClaim => true,
        // An editorial may report an attack: only one with its toll and a date to the day or week.
        DocumentKind.AnalysisOrEditorial => report is { KilledAsRead: not null, Date: { } d } && d.Value.Precision is DatePrecision.Day or DatePrecision.Week,
        _ => false,
    };
}

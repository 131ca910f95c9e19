using Vigil.Domain.Incidents;
using Vigil.Extraction.Incidents;
using Vigil.Extraction.Text;

namespace Vigil.Extraction.Statements;

/// <summary>
/// Closures and reopenings of named border crossings (the gazetteer's crossings: Torkham, Chaman, ...). A
/// crossing and a closure or reopening word in one sentence make an event; the nearest such word decides which.
/// </summary>
public sealed class BorderEventExtractor(PlaceFinder places)
{
    private static readonly Dictionary<string, BorderEventKind> Cues = new(StringComparer.Ordinal)
    {
        ["closure"] = BorderEventKind.Closure,
        ["closed"] = BorderEventKind.Closure,
        ["close"] = BorderEventKind.Closure,
        ["closing"] = BorderEventKind.Closure,
        ["shut"] = BorderEventKind.Closure,
        ["shutdown"] = BorderEventKind.Closure,
        ["sealed"] = BorderEventKind.Closure,
        ["sealing"] = BorderEventKind.Closure,
        ["suspended"] = BorderEventKind.Closure,
        ["reopening"] = BorderEventKind.Reopening,
        ["reopened"] = BorderEventKind.Reopening,
        ["reopen"] = BorderEventKind.Reopening,
        ["re-opened"] = BorderEventKind.Reopening,
        ["re-opening"] = BorderEventKind.Reopening,
        ["resumed"] = BorderEventKind.Reopening,
    };

    public List<BorderEvent> Extract(TextDocument doc, DateOnly? published)
    {
        var tokens = doc.Tokens;
        var list = new List<BorderEvent>();
        foreach (var crossing in places.Find(doc).Where(p => p.Level == "crossing"))
        {
            var s = doc.SentenceOf(crossing.FirstToken);
            int? cue = null;
            for (var i = s.FirstToken; i < s.EndToken; i++)
            {
                if (Cues.ContainsKey(tokens[i].Lower) && (cue is null || Math.Abs(i - crossing.FirstToken) < Math.Abs(cue.Value - crossing.FirstToken)))
                    cue = i;
            }
            if (cue is not { } c)
                continue;
            var cueSpan = new Spanned<string>(tokens[c].Lower, tokens[c].Start, tokens[c].End, doc.Slice(tokens[c].Start, tokens[c].End));
            var date = DateFinder.Find(doc, published, s.FirstToken, s.EndToken).FirstOrDefault(d => d.Date.Precision is DatePrecision.Day or DatePrecision.Week);
            Spanned<IncidentDate>? when = date is null ? null : new(date.Date, date.Start, date.End, date.Text);
            var rule = date?.Rule;
            if (when is null && published is { } p)
            {
                for (var i = s.FirstToken; i < s.EndToken; i++)
                {
                    if (tokens[i].Lower is "recent" or "recently")
                    {
                        when = new Spanned<IncidentDate>(new IncidentDate(p.AddDays(-30), p, DatePrecision.Range), tokens[i].Start, tokens[i].End, doc.Slice(tokens[i].Start, tokens[i].End));
                        rule = "recent";
                        break;
                    }
                }
            }
            list.Add(new BorderEvent(Cues[tokens[c].Lower], crossing, cueSpan, when, rule));
        }
        return list;
    }
}

using Vigil.Domain.Incidents;
using Vigil.Extraction.Incidents;
using Vigil.Extraction.Text;

namespace Vigil.Extraction.Statements;

/// <summary>
/// Delegation visits and talks. A sentence with "delegation" and a visit or talks ("visited Kabul", "held talks
/// with", "arrived in") starts an engagement; its topics are what the talks were "on" ("on security-related
/// matters, including counter-terrorism measures"); later sentences saying "the two sides discussed X" or "stressed
/// on the need for X" add topics to the last engagement.
/// </summary>
public sealed class EngagementExtractor(PlaceFinder places)
{
    public List<Engagement> Extract(TextDocument doc, DateOnly? published)
    {
        var tokens = doc.Tokens;
        var list = new List<Engagement>();
        foreach (var s in doc.Sentences)
        {
            var trigger = Find(tokens, s, "delegation", "delegations");
            var visit = Find(tokens, s, "visited", "visit", "visits", "arrived", "talks", "met");
            if (trigger >= 0 && visit >= 0)
            {
                list.Add(Build(doc, s, trigger, published));
                continue;
            }
            if (list.Count > 0 && Find(tokens, s, "discussed", "stressed", "agreed") is var d and >= 0 && !Modal(tokens, d))
            {
                var last = list[^1];
                var topics = last.Topics.ToList();
                var from = d + 1;
                if (from < s.EndToken && tokens[from].Is("on"))
                    from++;
                if (from + 2 < s.EndToken && tokens[from].Is("the") && tokens[from + 1].Is("need") && tokens[from + 2].Is("for"))
                    from += 3;
                if (TopicPhrase(doc, from, s.EndToken) is { } topic)
                    topics.Add(topic);
                list[^1] = last with { Topics = topics };
            }
        }
        return list;
    }

    private Engagement Build(TextDocument doc, Sentence s, int trigger, DateOnly? published)
    {
        var tokens = doc.Tokens;
        var whoPhrase = PhraseScan.Backward(doc, trigger, s.FirstToken);
        var whoStart = whoPhrase?.Start ?? tokens[trigger].Start;
        var who = new Spanned<string>(doc.Slice(whoStart, tokens[trigger].End), whoStart, tokens[trigger].End, doc.Slice(whoStart, tokens[trigger].End));
        var lower = who.Value.ToLowerInvariant();
        string? country = lower.Contains("pakistan", StringComparison.Ordinal) ? "Pakistan" : lower.Contains("afghan", StringComparison.Ordinal) ? "Afghanistan" : null;
        var where = places.Find(doc, trigger + 1, s.EndToken).FirstOrDefault();
        var when = DateFinder.Find(doc, published, s.FirstToken, s.EndToken).FirstOrDefault();
        Spanned<string>? counterpart = null;
        var topics = new List<Spanned<string>>();
        var with = Find(tokens, s, "with");
        if (with >= 0)
            counterpart = PhraseScan.Forward(doc, with + 1, s.EndToken);
        var on = -1;
        for (var i = Math.Max(with, trigger); i >= 0 && i < s.EndToken; i++)
        {
            if (tokens[i].Is("on") || (tokens[i].Is("regarding")))
            {
                on = i;
                break;
            }
        }
        if (on >= 0)
        {
            var cursor = on + 1;
            while (cursor < s.EndToken && TopicPhrase(doc, cursor, s.EndToken) is { } topic)
            {
                topics.Add(topic);
                var next = cursor;
                while (next < s.EndToken && tokens[next].End <= topic.End)
                    next++;
                // ", including counter-terrorism measures"
                if (next + 1 < s.EndToken && tokens[next].Is(",") && tokens[next + 1].Lower is "including" or "especially" or "particularly")
                    cursor = next + 2;
                else if (next < s.EndToken && tokens[next].Lower is "and")
                    cursor = next + 1;
                else
                    break;
            }
        }
        return new Engagement(who, country, where,
            when is null ? null : new Spanned<IncidentDate>(when.Date, when.Start, when.End, when.Text), counterpart, topics, s.Start, s.End);
    }

    private static Spanned<string>? TopicPhrase(TextDocument doc, int from, int end)
    {
        var tokens = doc.Tokens;
        var k = from;
        while (k < end && !(tokens[k].Kind == TokenKind.Punctuation && tokens[k].Lower != "-") && tokens[k].Lower is not ("and" or "including" or "which" or "while" or "but"))
            k++;
        if (k == from)
            return null;
        var start = tokens[from].Start;
        var stop = tokens[k - 1].End;
        return new Spanned<string>(doc.Slice(start, stop), start, stop, doc.Slice(start, stop));
    }

    // "Pakistan should discuss ...": a demand, not what was discussed.
    private static bool Modal(List<Token> tokens, int i) =>
        i > 0 && tokens[i - 1].Lower is "should" or "must" or "will" or "would" or "could" or "to" or "may";

    private static int Find(List<Token> tokens, Sentence s, params string[] words)
    {
        for (var i = s.FirstToken; i < s.EndToken; i++)
        {
            if (Array.IndexOf(words, tokens[i].Lower) >= 0)
                return i;
        }
        return -1;
    }
}

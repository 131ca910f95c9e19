using Vigil.Domain.Actors;
using Vigil.Extraction.Incidents;
using Vigil.Extraction.Text;

namespace Vigil.Extraction.Statements;

/// <summary>
/// Promises and assurances. The giver is the phrase after "given by" / "from", else the group named before the
/// cue ("the Afghan Taliban will act on its promises"); it resolves through the alias table, and — when the
/// article is about Afghanistan — "interim government" and "Islamic Emirate" resolve to the Afghan Taliban, who
/// are that government. The content is what follows "that" or "to"; when the text states none, the topics of the
/// engagement in the same article stand for it, and the recipient is that engagement's delegation.
/// </summary>
public sealed class CommitmentExtractor(ActorFinder actors, ActorCatalog catalog)
{
    private static readonly HashSet<string> Cues = new(StringComparer.Ordinal)
    {
        "assurance", "assurances", "assured", "assure", "promise", "promises", "promised", "pledge", "pledged", "pledges",
        "vowed", "vow", "commitment", "commitments", "undertaking", "guarantee", "guarantees", "guaranteed",
    };

    public List<Commitment> Extract(TextDocument doc, IReadOnlyList<Engagement> engagements)
    {
        var tokens = doc.Tokens;
        var aboutAfghanistan = tokens.Any(t => t.Lower is "afghan" or "afghanistan" or "kabul");
        var engagement = engagements.FirstOrDefault();
        var list = new List<Commitment>();
        foreach (var s in doc.Sentences)
        {
            for (var i = s.FirstToken; i < s.EndToken; i++)
            {
                if (!Cues.Contains(tokens[i].Lower))
                    continue;
                var cue = new Spanned<string>(tokens[i].Lower, tokens[i].Start, tokens[i].End, doc.Slice(tokens[i].Start, tokens[i].End));
                Spanned<string>? giver = null;
                var k = i + 1;
                if (k + 1 < s.EndToken && tokens[k].Is("given") && tokens[k + 1].Is("by"))
                    giver = PhraseScan.Forward(doc, k + 2, s.EndToken, allowStopFirst: true);
                else if (k < s.EndToken && tokens[k].Lower is "from" or "by")
                    giver = PhraseScan.Forward(doc, k + 1, s.EndToken, allowStopFirst: true);
                var before = actors.Find(doc, s.FirstToken, i).LastOrDefault();
                if (giver is null && before is not null)
                    giver = new Spanned<string>(before.Text, before.Start, before.End, before.Text);
                var actor = Resolve(giver?.Value, aboutAfghanistan) ?? before?.Actor.Name;
                Spanned<string>? content = null;
                for (var j = i + 1; j < Math.Min(s.EndToken, i + 4); j++)
                {
                    if (tokens[j].Lower is "that" or "to" && j + 1 < s.EndToken && tokens[j + 1].Lower is not ("be" or "the"))
                    {
                        content = PhraseScan.Forward(doc, j + 1, s.EndToken, max: 16, allowStopFirst: true);
                        break;
                    }
                }
                var hedge = Hedge(doc, s);
                string? recipient = engagement is not null && actor is not null && !string.Equals(engagement.WhoCountry, "Afghanistan", StringComparison.Ordinal) == AfghanSide(actor)
                    ? engagement.Who.Value
                    : null;
                var about = content is null && engagement is not null ? engagement.Topics.Select(t => t.Value).ToList() : [];
                list.Add(new Commitment(cue, giver, actor, recipient, content, about, hedge, s.Start, s.End));
                break;
            }
        }
        return list;
    }

    private static bool AfghanSide(string actor) => actor is "Afghan Taliban" or "Government of Afghanistan" or "Haqqani Network";

    private string? Resolve(string? phrase, bool aboutAfghanistan)
    {
        if (phrase is null)
            return null;
        if (catalog.Resolve(phrase) is { } direct)
            return direct.Name;
        var lower = phrase.ToLowerInvariant();
        if (aboutAfghanistan && (lower.Contains("interim government", StringComparison.Ordinal) || lower.Contains("islamic emirate", StringComparison.Ordinal)))
            return "Afghan Taliban";
        return null;
    }

    private static string? Hedge(TextDocument doc, Sentence s)
    {
        var text = doc.Slice(s.Start, s.End);
        foreach (var h in new[] { "remains to be seen", "yet to be seen", "whether", "doubt" })
        {
            var at = text.IndexOf(h, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
                return h;
        }
        return null;
    }
}

using Vigil.Domain.Actors;
using Vigil.Domain.Incidents;
using Vigil.Extraction.Text;

namespace Vigil.Extraction.Incidents;

/// <summary>An actor named in a text, resolved through the alias table.</summary>
public sealed record ActorMention(Actor Actor, int Start, int End, string Text, int FirstToken);

/// <summary>
/// Finds actors of the alias table in a text. Short aliases (five letters or fewer: "TTP", "IS", "AQ") must
/// match letter case exactly; longer ones any case. States are left out unless asked for: "Pakistan" names the
/// country far more often than its government.
/// </summary>
public sealed class ActorFinder
{
    private readonly PhraseIndex<Actor> _index = new();

    public ActorFinder(ActorCatalog catalog, bool includeStates = false)
    {
        foreach (var actor in catalog.Actors)
        {
            if (!includeStates && actor.Kind is not (ActorKind.Militant or ActorKind.Political))
                continue;
            foreach (var name in actor.Aliases.Prepend(actor.Name))
                _index.Add(name, actor, caseSensitive: name.Length <= 5);
        }
    }

    public static ActorFinder Bundled => LazyBundled.Value;

    private static readonly Lazy<ActorFinder> LazyBundled = new(() => new ActorFinder(ActorCatalog.Bundled));

    public List<ActorMention> Find(TextDocument doc, int firstToken = 0, int endToken = -1) =>
        [.. _index.FindAll(doc, firstToken, endToken).Select(m => new ActorMention(m.Value, m.Start, m.End, doc.Slice(m.Start, m.End), m.FirstToken))];
}

/// <summary>The perpetrator of a reported attack, with how firmly the text attributes it.</summary>
public sealed record Perpetrator(ActorRef Actor, AttributionCertainty? Certainty, string? CertaintyCue);

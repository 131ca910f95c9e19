using Vigil.Domain.Actors;
using Vigil.Extraction;
using Vigil.Geo;
using Vigil.Statistics;

namespace Vigil.Application.Reference;

/// <summary>
/// The reference data every use case resolves names against: the gazetteer (provinces, districts, places and
/// their spellings) and the actor aliases. Registered once by each host and passed in, so that a test or a
/// deployment can give its own; <see cref="Bundled"/> is what ships in data/.
/// </summary>
public sealed class ReferenceData
{
    private static readonly Lazy<ReferenceData> BundledData = new(() => new ReferenceData(Gazetteer.Bundled, ActorCatalog.Bundled, ArticleExtractor.Bundled));

    private readonly Lazy<ArticleExtractor> _extractor;

    public ReferenceData(Gazetteer gazetteer, ActorCatalog actors)
        : this(gazetteer, actors, null)
    {
    }

    private ReferenceData(Gazetteer gazetteer, ActorCatalog actors, ArticleExtractor? extractor)
    {
        Gazetteer = gazetteer;
        Actors = actors;
        Scopes = new Statistics.Scopes(gazetteer, actors);
        _extractor = new(() => extractor ?? new ArticleExtractor(gazetteer, actors));
    }

    /// <summary>The gazetteer and alias table shipped with Vigil (loaded once, on first use).</summary>
    public static ReferenceData Bundled => BundledData.Value;

    public Gazetteer Gazetteer { get; }

    public ActorCatalog Actors { get; }

    /// <summary>Names as people write them turned into the store's canonical values.</summary>
    public Statistics.Scopes Scopes { get; }

    /// <summary>The news extractor over this gazetteer and alias table (built on first use).</summary>
    public ArticleExtractor Extractor => _extractor.Value;
}

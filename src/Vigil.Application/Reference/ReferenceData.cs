using Vigil.Domain.Actors;
using Vigil.Geo;
using Vigil.Statistics;

namespace Vigil.Application.Reference;

/// <summary>
/// The reference data every use case resolves names against: the gazetteer (provinces, districts, places and
/// their spellings) and the actor aliases. Registered once by each host and passed in, so that a test or a
/// deployment can give its own; <see cref="Bundled"/> is what ships in data/.
/// </summary>
public sealed class ReferenceData(Gazetteer gazetteer, ActorCatalog actors)
{
    private static readonly Lazy<ReferenceData> BundledData = new(() => new ReferenceData(Gazetteer.Bundled, ActorCatalog.Bundled));

    /// <summary>The gazetteer and alias table shipped with Vigil (loaded once, on first use).</summary>
    public static ReferenceData Bundled => BundledData.Value;

    public Gazetteer Gazetteer { get; } = gazetteer;

    public ActorCatalog Actors { get; } = actors;

    /// <summary>Names as people write them turned into the store's canonical values.</summary>
    public Statistics.Scopes Scopes { get; } = new(gazetteer, actors);
}

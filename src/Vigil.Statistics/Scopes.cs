using Vigil.Domain.Actors;
using Vigil.Domain.Claims;
using Vigil.Domain.Time;
using Vigil.Geo;
using Vigil.Storage;

namespace Vigil.Statistics;

/// <summary>Turns names as people write them into store queries, and narrows queries to a period or a breakdown key.</summary>
public sealed class Scopes(Gazetteer gazetteer, ActorCatalog actors)
{
    private readonly Lazy<Regions> _regions = new(() => Regions.For(gazetteer));

    public static Scopes Bundled { get; } = new(Gazetteer.Bundled, ActorCatalog.Bundled);

    public string Province(string name) => gazetteer.FindProvince(name) is { } p ? gazetteer.Current(p).Name : name;

    /// <summary>The regions people report apart (former FATA, KP mainland), each a list of today's districts.</summary>
    public Regions Regions => _regions.Value;

    /// <summary>
    /// A province as named: a province of today's map (<c>Province</c>), or a former one whose districts now lie in
    /// another (FATA: the region of its districts, with a note saying so).
    /// </summary>
    public (string? Province, Region? Region) Area(string name) =>
        gazetteer.FindProvince(name) is { Historical: true } old && gazetteer.Districts.Any(d => d.HistoricalProvinceCode == old.Code)
            ? (null, Regions.OfHistoricalProvince(old, gazetteer))
            : (Province(name), null);

    public string District(string name) => gazetteer.FindDistrict(name)?.Name ?? name;

    /// <summary>The canonical actor and the name as given (a raw name in the data may match either).</summary>
    public IReadOnlyList<string> Actor(string name) =>
        actors.Resolve(name) is { } actor && actor.Name != name ? [actor.Name, name] : [name];

    public string Country(string name) =>
        Countries.Iso3Of(name) is { } iso ? Countries.NameByIso3[iso] : name;

    public IncidentQuery ToQuery(ClaimScope scope) => new()
    {
        Countries = [Country(scope.Country)],
        Provinces = scope.Province is { } p && Area(p).Province is { } province ? [province] : [],
        AreaDistricts = scope.Province is { } r && Area(r).Region is { } region ? region.Districts : [],
        Districts = scope.District is { } d ? [District(d)] : [],
        Actors = scope.Actor is { } a ? Actor(a) : [],
        EventTypes = scope.EventTypes,
    };

    public static IncidentQuery InPeriod(IncidentQuery query, Period period) =>
        query with { From = period.Start, To = period.End, Limit = null, Offset = 0 };

    /// <summary>The query for one breakdown key (null: the key was not known, which cannot be selected).</summary>
    public static IncidentQuery ForKey(IncidentQuery query, GroupBy breakdown, string key) => breakdown switch
    {
        GroupBy.None => query,
        GroupBy.Province => query with { Provinces = [key] },
        GroupBy.District => query with { Districts = [key] },
        GroupBy.Perpetrator => query with { Perpetrators = [key] },
        GroupBy.EventType => query with { EventTypes = [key] },
        GroupBy.Dataset => query with { Datasets = [key] },
        GroupBy.Country => query with { Countries = [key] },
        GroupBy.TargetType => query with { TargetTypes = [key] },
        GroupBy.Category => query with { Categories = [key] },
        GroupBy.Group => query with { Groups = [key] },
        _ => throw new ArgumentOutOfRangeException(nameof(breakdown)),
    };
}

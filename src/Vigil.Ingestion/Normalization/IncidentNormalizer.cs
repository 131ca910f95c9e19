using Vigil.Domain.Actors;
using Vigil.Domain.Incidents;
using Vigil.Geo;

namespace Vigil.Ingestion.Normalization;

/// <summary>
/// Fills in Vigil's normalised names beside what the source said: province and district through the
/// gazetteer (FATA → Khyber Pakhtunkhwa, "Khyber agency" → Khyber), and canonical actors through the alias
/// table. Adds the quality flags it notices. It never changes a value the source gave.
/// <para>The district is the one the source names, when the gazetteer knows the name: its district
/// (<see cref="Place.Admin2Raw"/>, a district or a town), else its location (<see cref="Place.Location"/>:
/// GTD's city, UCDP's where_coordinates), looked up within the province it names. Coordinates decide only
/// when no name resolves, and only when they are more precise than a province. Where the named district and
/// the coordinates, or the district and the named province, disagree, the name is kept and the disagreement
/// flagged: the other value stays visible as the source gave it (the point, <see cref="Place.Admin1Raw"/>).</para>
/// </summary>
public sealed class IncidentNormalizer(Gazetteer gazetteer, ActorCatalog actors)
{
    private const int CacheLimit = 100_000;
    private readonly Dictionary<(string?, string?, string?, string?), PlaceNames> _names = [];
    private readonly Dictionary<(double, double, string), District?> _located = [];
    private readonly Dictionary<(double, double, string), bool?> _holds = [];

    public static IncidentNormalizer Bundled() => new(Gazetteer.Bundled, ActorCatalog.Bundled);

    public Incident Normalize(Incident incident)
    {
        var flags = incident.Flags | Incident.CasualtyFlags(incident.Killed, incident.Injured);
        var place = NormalizePlace(incident.Place, ref flags);
        var perpetrator = Resolve(incident.Perpetrator, ref flags);
        var target = Resolve(incident.Target, ref flags);
        var stateForces = Resolve(incident.StateForces, ref flags);
        var armedGroup = Resolve(incident.ArmedGroup, ref flags);
        var otherParty = Resolve(incident.OtherParty, ref flags);
        // A state is never the perpetrator of a militant attack: a group that had become the de facto state by the day
        // (the Afghan Taliban from 15 August 2021) attacks as a state, which is "other" (docs/method.md).
        var category = incident.Category == EventCategory.MilitantAttack && perpetrator?.Name is { } name
            && actors.Resolve(name) is { } actor && actor.IsStateOn(incident.Date.Start)
            ? EventCategory.Other : incident.Category;
        return incident with
        {
            Category = category,
            Place = place,
            Perpetrator = perpetrator,
            Target = target,
            StateForces = stateForces,
            ArmedGroup = armedGroup,
            OtherParty = otherParty,
            Flags = flags,
        };
    }

    private ActorRef? Resolve(ActorRef? actor, ref QualityFlags flags)
    {
        if (actor is null)
            return null;
        var name = actors.Resolve(actor.Raw)?.Name;
        if (name is null)
            flags |= QualityFlags.UnresolvedActor;
        return actor with { Name = name };
    }

    private Place NormalizePlace(Place place, ref QualityFlags flags)
    {
        var names = Names(place.Country, place.Admin1Raw, place.Admin2Raw, place.Location);
        var district = names.District;
        var province = names.Province;
        flags |= names.Flags;

        if (place.HasCoordinates && PointsAtAPlace(place.GeoPrecision))
        {
            var (lat, lon) = (place.Latitude!.Value, place.Longitude!.Value);
            if (district is not null)
            {
                // The name wins; the point only checks it.
                if (Holds(district, lat, lon) == false)
                    flags |= QualityFlags.CoordinatesOutsideDistrict;
            }
            else if (Locate(lat, lon, names.CountryIso3, names.NamedProvince?.Code) is { } located)
            {
                district = located;
                flags |= QualityFlags.DistrictFromCoordinates;
                flags &= ~QualityFlags.UnknownDistrict;
                if (province is null)
                {
                    province = gazetteer.ProvinceByCode(located.ProvinceCode);
                    if (place.Admin1Raw is null)
                        flags |= QualityFlags.ProvinceFromDistrict;
                }
            }
            else if (names.NamedProvince is not null && Locate(lat, lon, names.CountryIso3, null) is not null)
            {
                // A district of another province would contradict the province the source names.
                flags |= QualityFlags.CoordinatesOutsideProvince;
            }
        }

        var countryName = names.CountryIso3 is { } iso ? Countries.NameByIso3[iso]
            : district is not null ? Countries.NameByIso3[district.Country]
            : place.Country;
        return place with
        {
            Country = countryName,
            Admin1 = province?.Name,
            Admin2 = district?.Name,
        };
    }

    /// <summary>The district at a point (within a province, when given), cached: sources geocode many events to one town.</summary>
    private District? Locate(double latitude, double longitude, string? countryIso3, string? provinceCode)
    {
        var key = (latitude, longitude, countryIso3 + "/" + provinceCode);
        if (_located.TryGetValue(key, out var cached))
            return cached;
        var located = provinceCode is null
            ? gazetteer.Locate(latitude, longitude, countryIso3)
            : gazetteer.Locate(latitude, longitude, countryIso3, provinceCode);
        if (_located.Count < CacheLimit)
            _located[key] = located;
        return located;
    }

    /// <summary>Whether a point lies in a district (null: it has no polygon to tell), cached.</summary>
    private bool? Holds(District district, double latitude, double longitude)
    {
        if (district.BoundaryId is null)
            return null;
        var key = (latitude, longitude, district.BoundaryId);
        if (_holds.TryGetValue(key, out var cached))
            return cached;
        var holds = gazetteer.Holds(district, latitude, longitude);
        if (_holds.Count < CacheLimit)
            _holds[key] = holds;
        return holds;
    }

    /// <summary>
    /// Whether the coordinates stand for a place inside one district. At province or country precision
    /// they are that unit's centre, or a point on a line (UCDP's "LoC", a border, a road): the district
    /// under them would be invented, and with it a province the source never gave.
    /// </summary>
    private static bool PointsAtAPlace(GeoPrecision precision) =>
        precision is GeoPrecision.Exact or GeoPrecision.Near or GeoPrecision.District or GeoPrecision.Unknown;

    /// <summary>The gazetteer's answer for a country/province/district/location, cached: imports repeat them.</summary>
    private PlaceNames Names(string? country, string? admin1Raw, string? admin2Raw, string? location)
    {
        var key = (country, admin1Raw, admin2Raw, location);
        if (_names.TryGetValue(key, out var cached))
            return cached;

        var flags = QualityFlags.None;
        var iso = Countries.Iso3Of(country);
        var matched = gazetteer.FindProvince(admin1Raw, iso);
        if (admin1Raw is not null && matched is null)
            flags |= QualityFlags.UnknownProvince;
        iso ??= matched?.Country;

        District? district = null;
        if (admin2Raw is not null)
        {
            // A district field names a district: one of that name outside the named province is still the
            // one meant (the province is then the one in doubt, and flagged below).
            district = NamedDistrict(admin2Raw, iso, matched?.Code) ?? (matched is null ? null : NamedDistrict(admin2Raw, iso, null));
            if (district is null)
                flags |= QualityFlags.UnknownDistrict;
        }
        if (district is null && location is not null)
        {
            // A location is any town or village: outside the named province its name is more likely another
            // place's than a wrong province, so it is looked up only within it.
            district = NamedDistrict(location, iso, matched?.Code);
            if (district is not null)
            {
                flags |= QualityFlags.DistrictFromLocation;
                flags &= ~QualityFlags.UnknownDistrict;
            }
        }

        var province = matched is null ? null : gazetteer.Current(matched);
        if (district is not null)
        {
            // The district's current province is authoritative: it follows mergers the source predates.
            province = gazetteer.ProvinceByCode(district.ProvinceCode) ?? province;
            if (admin1Raw is null)
                flags |= QualityFlags.ProvinceFromDistrict;
            else if (matched is not null && !Gazetteer.InProvince(district, matched.Code))
                flags |= QualityFlags.DistrictOutsideProvince;
            iso ??= district.Country;
        }

        var names = new PlaceNames(iso, matched, province, district, flags);
        if (_names.Count < CacheLimit)
            _names[key] = names;
        return names;
    }

    /// <summary>The district a name stands for: a district's name, else the district of a town of that name.</summary>
    private District? NamedDistrict(string name, string? iso, string? provinceCode) =>
        gazetteer.FindDistrict(name, iso, provinceCode)
        ?? (gazetteer.FindPlace(name, iso, provinceCode) is { } town ? gazetteer.DistrictOf(town) : null);

    /// <summary>
    /// <c>NamedProvince</c> is the province the source names, as named (historical units included);
    /// <c>Province</c> is Vigil's: the district's, else the named one's current unit.
    /// </summary>
    private sealed record PlaceNames(string? CountryIso3, Province? NamedProvince, Province? Province, District? District, QualityFlags Flags);
}

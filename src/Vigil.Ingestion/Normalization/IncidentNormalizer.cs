using Vigil.Domain.Actors;
using Vigil.Domain.Incidents;
using Vigil.Geo;

namespace Vigil.Ingestion.Normalization;

/// <summary>
/// Fills in Vigil's normalised names beside what the source said: province and district through the
/// gazetteer (FATA → Khyber Pakhtunkhwa, "Khyber agency" → Khyber), the district from the coordinates
/// when the source names none and the coordinates are more precise than a province, and canonical actors through the alias table. Adds the quality flags it
/// notices. It never changes a value the source gave.
/// </summary>
public sealed class IncidentNormalizer(Gazetteer gazetteer, ActorCatalog actors)
{
    private const int CacheLimit = 100_000;
    private readonly Dictionary<(string?, string?, string?), PlaceNames> _names = [];

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
        return incident with
        {
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
        var names = Names(place.Country, place.Admin1Raw, place.Admin2Raw);
        var district = names.District;
        var province = names.Province;
        flags |= names.Flags;

        if (district is null && place.HasCoordinates && PointsAtAPlace(place.GeoPrecision))
        {
            var located = gazetteer.Locate(place.Latitude!.Value, place.Longitude!.Value, names.CountryIso3);
            if (located is not null)
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

    /// <summary>
    /// Whether the coordinates stand for a place inside one district. At province or country precision
    /// they are that unit's centre, or a point on a line (UCDP's "LoC", a border, a road): the district
    /// under them would be invented, and with it a province the source never gave.
    /// </summary>
    private static bool PointsAtAPlace(GeoPrecision precision) =>
        precision is GeoPrecision.Exact or GeoPrecision.Near or GeoPrecision.District or GeoPrecision.Unknown;

    /// <summary>The gazetteer's answer for a country/province/district triple, cached: imports repeat them.</summary>
    private PlaceNames Names(string? country, string? admin1Raw, string? admin2Raw)
    {
        var key = (country, admin1Raw, admin2Raw);
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
            district = gazetteer.FindDistrict(admin2Raw, iso, matched?.Code) ?? gazetteer.FindDistrict(admin2Raw, iso);
            if (district is null && gazetteer.FindPlace(admin2Raw, iso) is { District: { } inDistrict } town)
                district = gazetteer.FindDistrict(inDistrict, town.Country, town.ProvinceCode);
            if (district is null)
                flags |= QualityFlags.UnknownDistrict;
        }

        var province = matched is null ? null : gazetteer.Current(matched);
        if (district is not null)
        {
            // The district's current province is authoritative: it follows mergers the source predates.
            province = gazetteer.ProvinceByCode(district.ProvinceCode) ?? province;
            if (admin1Raw is null)
                flags |= QualityFlags.ProvinceFromDistrict;
            iso ??= district.Country;
        }

        var names = new PlaceNames(iso, province, district, flags);
        if (_names.Count < CacheLimit)
            _names[key] = names;
        return names;
    }

    private sealed record PlaceNames(string? CountryIso3, Province? Province, District? District, QualityFlags Flags);
}

using Vigil.Application.Reference;
using Vigil.Domain.Actors;
using Vigil.Domain.Incidents;
using Vigil.Domain.Text;
using Vigil.Geo;
using Vigil.Storage;

namespace Vigil.Dashboard.Shell;

/// <summary>
/// The choices a filter form offers: current provinces grouped by country, the datasets in the database, known
/// actors, event types. <see cref="Provinces"/> is every group's provinces in one list.
/// </summary>
public sealed record FilterOptions(IReadOnlyList<ProvinceGroup> ProvinceGroups, IReadOnlyList<string> Datasets, IReadOnlyList<string> Actors, IReadOnlyList<string> Types)
{
    public IReadOnlyList<string> Provinces { get; } = [.. ProvinceGroups.SelectMany(g => g.Provinces)];

    /// <summary>The countries a page may offer (by English name); filled by the pages that offer a choice of country.</summary>
    public IReadOnlyList<string> CountryChoices { get; init; } = [];

    /// <summary>
    /// The options for a page limited to <paramref name="country"/> (the overview, a report): its provinces only; or,
    /// when null, for a page over every country: the provinces of each country the database's incidents lie in
    /// (Pakistan's when it has none).
    /// </summary>
    public static FilterOptions Load(IIncidentStore store, ReferenceData reference, string? country = null)
    {
        // From the monthly rollup: a page must not scan every incident just to list the datasets or countries.
        IReadOnlyList<string> countries = country is not null ? [.. Iso3(country)] : InData(store) is { Count: > 0 } found ? found : ["PAK"];
        return new FilterOptions(
            [.. countries.Select(iso => new ProvinceGroup(Countries.NameByIso3[iso],
                [.. reference.Gazetteer.Provinces.Where(p => p.Country == iso && !p.Historical).Select(p => p.Name).Order(StringComparer.Ordinal)]))],
            [.. store.AggregateMonthly(IncidentQuery.All, GroupBy.Dataset).Select(r => r.Key).OfType<string>().Distinct().Order(StringComparer.Ordinal)],
            [.. reference.Actors.Actors.Select(a => a.Name).Order(StringComparer.Ordinal)],
            EnumText<EventType>.All);
    }

    /// <summary>The gazetteer's countries that the database's incidents lie in (ISO codes), by English name.</summary>
    public static IReadOnlyList<string> InData(IIncidentStore store) =>
        [.. store.AggregateMonthly(IncidentQuery.All, GroupBy.Country)
            .SelectMany(r => Iso3(r.Key))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(iso => Countries.NameByIso3[iso], StringComparer.Ordinal)];

    private static IEnumerable<string> Iso3(string? country) => Countries.Iso3Of(country) is { } iso ? [iso] : [];
}

/// <summary>A country's current provinces, as a filter form lists them.</summary>
public sealed record ProvinceGroup(string Country, IReadOnlyList<string> Provinces);

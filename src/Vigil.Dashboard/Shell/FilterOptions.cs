using Vigil.Application.Reference;
using Vigil.Domain.Actors;
using Vigil.Domain.Incidents;
using Vigil.Domain.Text;
using Vigil.Geo;
using Vigil.Storage;

namespace Vigil.Dashboard.Shell;

/// <summary>The choices a filter form offers: the country's current provinces, the datasets in the database, known actors, event types.</summary>
public sealed record FilterOptions(IReadOnlyList<string> Provinces, IReadOnlyList<string> Datasets, IReadOnlyList<string> Actors, IReadOnlyList<string> Types)
{
    public static FilterOptions Load(IIncidentStore store, ReferenceData reference, string country = "Pakistan")
    {
        var iso = Countries.Iso3Of(country);
        return new FilterOptions(
            [.. reference.Gazetteer.Provinces.Where(p => p.Country == iso && !p.Historical).Select(p => p.Name).Order(StringComparer.Ordinal)],
            // From the monthly rollup: a page must not scan every incident just to list the datasets.
            [.. store.AggregateMonthly(IncidentQuery.All, GroupBy.Dataset).Select(r => r.Key).OfType<string>().Distinct().Order(StringComparer.Ordinal)],
            [.. reference.Actors.Actors.Select(a => a.Name).Order(StringComparer.Ordinal)],
            EnumText<EventType>.All);
    }
}

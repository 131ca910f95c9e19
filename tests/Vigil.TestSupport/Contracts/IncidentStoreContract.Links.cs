using Vigil.Domain.Incidents;
using Vigil.Storage;
using Vigil.Storage.Relational;
using Vigil.Storage.Relational.Links;

namespace Vigil.TestSupport.Contracts;

public abstract partial class IncidentStoreContract
{
    /// <summary>
    /// Three datasets whose records are linked in every way a run and an analyst can leave them: linked, ambiguous,
    /// rejected, linked to a deleted record, linked only through a dataset left out of the scope. Every read path
    /// (count, list, ids, totals, the monthly rollup and the incidents it stands for) must count each linked event
    /// once, as a plain in-memory reading of the links says.
    /// </summary>
    [Fact]
    public void A_combined_scope_counts_each_linked_event_once_on_every_read_path()
    {
        using var store = OpenFresh();
        var links = new RelationalLinkStore((RelationalIncidentStore)store);
        Import(store,
            Incidents.Sample(dataset: "alpha", id: "a1", day: 1, killed: 10),
            Incidents.Sample(dataset: "alpha", id: "a2", day: 2, killed: 5, province: "Balochistan"),
            Incidents.Sample(dataset: "alpha", id: "a3", day: 35, killed: null),
            Incidents.Sample(dataset: "alpha", id: "a4", day: 50, killed: 1),
            Incidents.Sample(dataset: "beta", id: "b1", day: 1, killed: 12),
            Incidents.Sample(dataset: "beta", id: "b2", day: 3, killed: 4, province: "Sindh"),
            Incidents.Sample(dataset: "beta", id: "b3", day: 36, killed: 8),
            Incidents.Sample(dataset: "beta", id: "b4", day: 40, killed: 6),
            Incidents.Sample(dataset: "beta", id: "b5", day: 50, killed: 2),
            Incidents.Sample(dataset: "gamma", id: "g1", day: 2, killed: 11),
            Incidents.Sample(dataset: "gamma", id: "g2", day: 70, killed: 3));
        var all = store.Query(IncidentQuery.All).ToDictionary(i => i.SourceRecord!.RecordId);
        LinkProposal Link(string a, string b, LinkStatus status) =>
            new(all[a].Id, all[a].SourceRecord!.Dataset, all[b].Id, all[b].SourceRecord!.Dataset, status, "test");
        links.Add([Link("a1", "b1", LinkStatus.Linked), Link("a2", "b2", LinkStatus.Linked), Link("a3", "b3", LinkStatus.Ambiguous),
            Link("a4", "b5", LinkStatus.Linked), Link("b1", "g1", LinkStatus.Linked), Link("a2", "b4", LinkStatus.Linked)], "test");
        var rejected = links.List(new LinkQuery { IncidentId = all["b4"].Id }).Links.Single();
        links.SetStatus(rejected.Id, LinkStatus.Rejected, "analyst", "a different attack");
        store.Delete(all["a4"].Id, all["a4"].Revision, new Vigil.Domain.Revisions.ChangeContext("analyst:amina", "duplicate"));
        var live = store.Query(IncidentQuery.All).ToList();
        var confirmed = links.List(new LinkQuery { Limit = 100 }).Links.Where(l => l.Status == LinkStatus.Linked).ToList();

        string[][] scopes = [["alpha", "beta"], ["beta", "alpha"], ["alpha", "beta", "gamma"], ["gamma", "beta"], ["gamma", "alpha"]];
        foreach (var datasets in scopes)
        {
            foreach (var province in new string?[] { null, "Sindh", "Khyber Pakhtunkhwa" })
            {
                var query = IncidentQuery.All with { Datasets = datasets, Provinces = province is null ? [] : [province] };
                var expected = Represented(live, confirmed, datasets).Where(i => province is null || i.Place.Admin1 == province).ToList();
                var what = $"{string.Join(" + ", datasets)}{(province is null ? "" : " in " + province)}";

                Assert.True(expected.Select(i => i.Id).Order().SequenceEqual(store.QueryIds(query).Order()), what + ": ids");
                Assert.True(expected.Select(i => i.Id).Order().SequenceEqual(store.Query(query).Select(i => i.Id).Order()), what + ": rows");
                Assert.True(expected.Count == store.Count(query), what + ": count");
                Assert.True(expected.Sum(i => (long)(i.Killed.Best ?? 0)) == store.Aggregate(query, GroupBy.None).Sum(r => r.KilledBest), what + ": killed");
                foreach (var breakdown in new[] { GroupBy.None, GroupBy.Province, GroupBy.Dataset })
                {
                    var monthly = store.AggregateMonthly(query, breakdown).Where(r => r.Incidents != 0)
                        .OrderBy(r => r.Day).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
                    var byHand = expected
                        .GroupBy(i => (Month: new DateOnly(i.Date.Start.Year, i.Date.Start.Month, 1), Key: KeyOf(i, breakdown)))
                        .Select(g => (g.Key.Month, g.Key.Key, Incidents: (long)g.Count(), Killed: g.Sum(i => (long)(i.Killed.Best ?? 0)),
                            Unknown: (long)g.Count(i => i.Killed.Best is null)))
                        .OrderBy(r => r.Month).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
                    Assert.True(byHand.SequenceEqual(monthly.Select(r => (r.Day, r.Key, r.Incidents, r.KilledBest, r.KilledUnknown))),
                        $"{what} by {breakdown}: expected {string.Join("; ", byHand)}, got {string.Join("; ", monthly.Select(r => (r.Day, r.Key, r.Incidents, r.KilledBest, r.KilledUnknown)))}");
                }
            }
        }
    }

    /// <summary>
    /// The records a combined scope counts, read straight from the links: a record is left out when a confirmed link joins it
    /// to a live record of a dataset earlier in the scope.
    /// </summary>
    private static IEnumerable<Incident> Represented(List<Incident> live, List<IncidentLink> confirmed, string[] datasets)
    {
        var byId = live.ToDictionary(i => i.Id);
        int Rank(Incident i) => Array.IndexOf(datasets, i.SourceRecord!.Dataset);
        foreach (var incident in live.Where(i => Rank(i) >= 0))
        {
            var others = confirmed.Where(l => l.IncidentA == incident.Id || l.IncidentB == incident.Id)
                .Select(l => l.IncidentA == incident.Id ? l.IncidentB : l.IncidentA)
                .Where(byId.ContainsKey).Select(id => byId[id]);
            if (!others.Any(o => Rank(o) >= 0 && Rank(o) < Rank(incident)))
                yield return incident;
        }
    }

    private static string? KeyOf(Incident i, GroupBy breakdown) => breakdown switch
    {
        GroupBy.Province => i.Place.Admin1,
        GroupBy.Dataset => i.SourceRecord!.Dataset,
        _ => null,
    };
}

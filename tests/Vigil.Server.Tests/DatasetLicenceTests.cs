using System.Net;
using System.Text.Json;
using Vigil.Storage;
using Vigil.Storage.Sqlite;
using Vigil.TestSupport.Contracts;

namespace Vigil.Server.Tests;

/// <summary>
/// A dataset whose licence forbids passing its rows on (GTD): viewers and anonymous readers get its figures, never its
/// rows; analysts get the rows, and exports carry the licence.
/// </summary>
public sealed class DatasetLicenceTests : IDisposable
{
    private readonly ApiFactory _api = new();
    private readonly ApiFactory _anonymous = new(anonymousRead: true);
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly int[] Killed = [10, 20, 7];

    private static IReadOnlyList<long> SeedGtd(ApiFactory api)
    {
        using var store = SqliteIncidentStore.Open(api.Database);
        using (var session = store.BeginImport(new ImportRequest("gtd", "gtd.csv", "test", "seed")))
        {
            for (var i = 0; i < Killed.Length; i++)
                session.Upsert(Incidents.Sample("gtd", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), day: i + 1, killed: Killed[i]));
            session.Commit(0, "sha-gtd");
        }
        return store.QueryIds(IncidentQuery.All with { Datasets = ["gtd"] });
    }

    public void Dispose()
    {
        _api.Dispose();
        _anonymous.Dispose();
    }

    [Fact]
    public async Task A_viewer_gets_the_figures_of_GTD_but_not_its_rows_nor_an_export()
    {
        var ids = SeedGtd(_api);
        using var viewer = _api.Client(ApiRole.Viewer);

        var list = await viewer.GetAsync("/api/v1/incidents?dataset=gtd", Ct);
        var one = await viewer.GetAsync($"/api/v1/incidents/{ids[0]}", Ct);
        var revisions = await viewer.GetAsync($"/api/v1/incidents/{ids[0]}/revisions", Ct);
        var export = await viewer.GetAsync("/api/v1/exports?dataset=gtd&format=csv", Ct);
        var byDefault = await viewer.GetAsync("/api/v1/incidents", Ct);
        var series = await viewer.GetAsync("/api/v1/statistics/series?dataset=gtd&by=year", Ct);

        foreach (var refused in new[] { list, one, revisions, export, byDefault })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            var detail = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("detail").GetString()!;
            Assert.Contains("GTD (GTD terms of use", detail, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, series.StatusCode);
        var rows = JsonDocument.Parse(await series.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("rows");
        Assert.Equal(Killed.Length, rows.EnumerateArray().Sum(r => r.GetProperty("incidents").GetInt64()));
        Assert.Equal(Killed.Sum(), rows.EnumerateArray().Sum(r => r.GetProperty("killed_best").GetInt64()));
    }

    [Fact]
    public async Task The_dashboards_list_and_incident_page_withhold_GTD_rows_from_a_viewer_not_an_analyst()
    {
        var ids = SeedGtd(_api);
        using var viewer = _api.Client(ApiRole.Viewer);
        using var analyst = _api.Client(ApiRole.Analyst);

        var list = await viewer.GetAsync("/incidents?dataset=gtd", Ct);
        var page = await viewer.GetAsync($"/incidents/{ids[0]}", Ct);
        var analystList = await analyst.GetAsync("/incidents?dataset=gtd", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Contains("GTD terms of use", await list.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, analystList.StatusCode);
        Assert.Contains($"href=\"/incidents/{ids[0]}\"", await analystList.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_overview_gives_a_viewer_GTDs_figures_without_listing_its_incidents()
    {
        SeedGtd(_api);
        using var viewer = _api.Client(ApiRole.Viewer);
        using var analyst = _api.Client(ApiRole.Analyst);

        var forViewer = JsonDocument.Parse(await viewer.GetStringAsync("/api/v1/statistics/overview?dataset=gtd&month=2020-01", Ct)).RootElement;
        var forAnalyst = JsonDocument.Parse(await analyst.GetStringAsync("/api/v1/statistics/overview?dataset=gtd&month=2020-01", Ct)).RootElement;

        Assert.Equal(Killed.Sum(), forViewer.GetProperty("headlines")[1].GetProperty("value").GetInt64());
        Assert.Equal(0, forViewer.GetProperty("notable").GetArrayLength());
        Assert.Contains(forViewer.GetProperty("statements").EnumerateArray(), s => s.GetString()!.Contains("not listed here", StringComparison.Ordinal));
        Assert.Equal(Killed.Length, forAnalyst.GetProperty("notable").GetArrayLength());
    }

    [Fact]
    public async Task An_anonymous_reader_is_refused_GTD_rows_too()
    {
        SeedGtd(_anonymous);
        using var anonymous = _anonymous.Client(null);

        var list = await anonymous.GetAsync("/api/v1/incidents?dataset=gtd", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
    }

    [Fact]
    public async Task An_analyst_gets_the_rows_and_the_export_carries_the_licence()
    {
        var ids = SeedGtd(_api);
        using var analyst = _api.Client(ApiRole.Analyst);

        var list = JsonDocument.Parse(await analyst.GetStringAsync("/api/v1/incidents?dataset=gtd", Ct)).RootElement;
        var export = await analyst.GetAsync("/api/v1/exports?dataset=gtd&format=csv", Ct);

        Assert.Equal(ids.Order(), list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).Order());
        Assert.Equal(["gtd"], list.GetProperty("scope").GetProperty("datasets").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var licence = Assert.Single(export.Headers.GetValues("Vigil-Licence"));
        Assert.StartsWith("GTD: GTD terms of use: no redistribution of the data", licence, StringComparison.Ordinal);
        var csv = await export.Content.ReadAsStringAsync(Ct);
        Assert.Equal(Killed.Length + 1, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}

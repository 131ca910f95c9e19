using System.Net;
using System.Text.Json;
using Vigil.Storage;

namespace Vigil.Server.Tests;

public sealed class CacheTests : IDisposable
{
    private readonly ApiFactory _api = new();
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>2020's incidents in every dataset (the seeded one and the team's own records an analyst adds).</summary>
    private async Task<long> IncidentsIn2020(HttpClient client)
    {
        var series = JsonDocument.Parse(await client.GetStringAsync("/api/v1/statistics/series?by=year&from=2020&to=2020&dataset=all", Ct)).RootElement;
        return series.GetProperty("rows")[0].GetProperty("incidents").GetInt64();
    }

    [Fact]
    public async Task A_cached_figure_changes_as_soon_as_the_data_do()
    {
        _api.Seed(2);
        var analyst = _api.Client(ApiRole.Analyst);
        var before = await IncidentsIn2020(analyst);
        Assert.Equal(before, await IncidentsIn2020(analyst));

        var created = await analyst.PostAsync("/api/v1/incidents", Json.Body("""{"date_start":"2020-06-01","event_type":"bombing"}"""), Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(before + 1, await IncidentsIn2020(analyst));
    }

    [Fact]
    public async Task A_cached_answer_is_never_served_to_a_request_without_a_key()
    {
        _api.Seed(2);
        await IncidentsIn2020(_api.Client(ApiRole.Viewer));

        var anonymous = await _api.Client(null).GetAsync("/api/v1/statistics/series?by=year&from=2020&to=2020", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    public void Dispose() => _api.Dispose();
}

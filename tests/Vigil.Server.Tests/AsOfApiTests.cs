using System.Globalization;
using System.Net;
using System.Text.Json;
using Vigil.Storage;

namespace Vigil.Server.Tests;

/// <summary>
/// <c>as_of</c> on the API's reading endpoints: the answers are those the data gave at that moment (changes since are not
/// seen, and the scope's label says so); a bad moment is a 400 naming <c>as_of</c>; a change sent "as of" is refused.
/// </summary>
public sealed class AsOfApiTests : IDisposable
{
    private readonly ApiFactory _api = new();
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Series = "/api/v1/statistics/series?by=year&from=2019&to=2021&dataset=all";
    private const string List = "/api/v1/incidents?dataset=all&limit=100";

    private async Task<JsonElement> Get(HttpClient client, string path) =>
        JsonDocument.Parse(await client.GetStringAsync(path, Ct)).RootElement;

    [Fact]
    public async Task Answers_as_of_a_moment_are_those_given_then_and_say_so()
    {
        var seeded = _api.Seed(3);
        var analyst = _api.Client(ApiRole.Analyst);
        var seriesThen = await Get(analyst, Series);
        var listThen = await Get(analyst, List);
        await Task.Delay(20, Ct);
        var moment = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        await Task.Delay(20, Ct);

        var created = await analyst.PostAsync("/api/v1/incidents", Json.Body("""{"date_start":"2020-06-01","event_type":"bombing"}"""), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/incidents/{seeded[0].Id}?reason=duplicate");
        delete.Headers.TryAddWithoutValidation("If-Match", $"\"{seeded[0].Id}-{seeded[0].Revision}\"");
        Assert.Equal(HttpStatusCode.NoContent, (await _api.Client(ApiRole.Admin).SendAsync(delete, Ct)).StatusCode);
        var seriesNow = await Get(analyst, Series);
        Assert.NotEqual(seriesThen.GetProperty("rows").GetRawText(), seriesNow.GetProperty("rows").GetRawText());

        var seriesAsOf = await Get(analyst, Series + "&as_of=" + Uri.EscapeDataString(moment));
        var listAsOf = await Get(analyst, List + "&as_of=" + Uri.EscapeDataString(moment));
        Assert.Equal(seriesThen.GetProperty("rows").GetRawText(), seriesAsOf.GetProperty("rows").GetRawText());
        Assert.Equal(listThen.GetProperty("items").GetRawText(), listAsOf.GetProperty("items").GetRawText());
        Assert.Contains(", as of " + moment[..10] + " ", seriesAsOf.GetProperty("scope").GetProperty("label").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("as of", seriesNow.GetProperty("scope").GetProperty("label").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync($"/api/v1/incidents/{seeded[0].Id}?as_of={Uri.EscapeDataString(moment)}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/api/v1/incidents/{seeded[0].Id}", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-13-01")]
    [InlineData("1800-01-01")]
    public async Task A_moment_that_is_not_one_is_a_400_naming_as_of(string moment)
    {
        _api.Seed(1);
        var answer = await _api.Client(ApiRole.Viewer).GetAsync(Series + "&as_of=" + Uri.EscapeDataString(moment), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.True(JsonDocument.Parse(await answer.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("errors").TryGetProperty("as_of", out _));
    }

    [Fact]
    public async Task A_change_sent_as_of_a_moment_is_refused_and_nothing_is_written()
    {
        _api.Seed(1);
        var analyst = _api.Client(ApiRole.Analyst);
        var before = _api.Fingerprint();
        var answer = await analyst.PostAsync("/api/v1/incidents?as_of=2020-01-01", Json.Body("""{"date_start":"2020-06-01","event_type":"bombing"}"""), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("as_of", await answer.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(before, _api.Fingerprint());
    }

    public void Dispose() => _api.Dispose();
}

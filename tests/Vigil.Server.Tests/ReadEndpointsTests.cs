using System.Net;
using System.Text.Json;
using Parquet;
using Vigil.Storage;

namespace Vigil.Server.Tests;

/// <summary>The read endpoints over the bundled UCDP data (one database for the class; these tests only read).</summary>
public sealed class UcdpApiFixture : IDisposable
{
    public UcdpApiFixture()
    {
        Api = new ApiFactory();
        Api.SeedUcdp();
    }

    public ApiFactory Api { get; }

    public void Dispose() => Api.Dispose();
}

public sealed class ReadEndpointsTests(UcdpApiFixture fixture) : IClassFixture<UcdpApiFixture>
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;
    private HttpClient Viewer => fixture.Api.Client(ApiRole.Viewer);

    private async Task<JsonElement> Get(string url)
    {
        var response = await Viewer.GetAsync(url, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
    }

    [Fact]
    public async Task The_series_agrees_with_the_incidents_it_counts()
    {
        var series = await Get("/api/v1/statistics/series?by=month&from=2021-12&to=2021-12&breakdown=province");
        var list = await Get("/api/v1/incidents?from=2021-12&to=2021-12&province=Balochistan&page_size=500");

        var balochistan = series.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "Balochistan");
        Assert.Equal(list.GetProperty("total").GetInt64(), balochistan.GetProperty("incidents").GetInt64());
        Assert.Equal(list.GetProperty("items").EnumerateArray().Sum(i => i.GetProperty("killed").GetProperty("best").GetInt64()), balochistan.GetProperty("killed_best").GetInt64());
    }

    [Fact]
    public async Task The_overview_has_the_months_headlines_and_trend()
    {
        var overview = await Get("/api/v1/statistics/overview?month=2021-12");

        Assert.Equal(18, overview.GetProperty("headlines")[0].GetProperty("value").GetInt64());
        Assert.Equal(24, overview.GetProperty("trend").GetArrayLength());
    }

    [Fact]
    public async Task Explain_lists_the_ids_behind_a_figure()
    {
        var explained = await Get("/api/v1/statistics/explain?period=2021-12&breakdown=province&key=Balochistan");

        Assert.Equal(7, explained.GetProperty("ids").GetArrayLength());
    }

    [Fact]
    public async Task Claims_are_checked_and_a_bad_claim_names_its_field()
    {
        var ok = await Viewer.PostAsync("/api/v1/claims/check", Json.Body("""[{"metric":"killed","value":37,"period":"2021-12"},{"metric":"killed","value":134,"period":"2023-01"}]"""), Ct);
        var bad = await Viewer.PostAsync("/api/v1/claims/check", Json.Body("""{"metric":"deaths","period":"2021-12"}"""), Ct);

        var verdicts = JsonDocument.Parse(await ok.Content.ReadAsStringAsync(Ct)).RootElement.EnumerateArray().Select(c => c.GetProperty("verdict").GetString());
        Assert.Equal(["supported", "not-checkable"], verdicts);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True(JsonDocument.Parse(await bad.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("errors").TryGetProperty("metric", out _));
    }

    [Theory]
    [InlineData(false, "Militant violence in December 2021 left 37 people dead across Pakistan, according to the data the institute compiled.")]
    [InlineData(true, "<html><body><h1>Monthly review</h1><p>Militant violence in December 2021 left <b>37</b> people dead across Pakistan.</p><script>alert(1)</script></body></html>")]
    public async Task An_article_s_statistics_are_found_checked_and_placed_in_its_text(bool html, string article)
    {
        var before = fixture.Api.Fingerprint();
        var response = await Viewer.PostAsync("/api/v1/claims/extract-and-check",
            Json.Body(JsonSerializer.Serialize(new { text = article, html, published = "2022-01-03" })), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        var text = answer.GetProperty("text").GetString()!;
        var statistic = Assert.Single(answer.GetProperty("statistics").EnumerateArray());
        var evidence = statistic.GetProperty("evidence");
        Assert.Equal("supported", statistic.GetProperty("verdict").GetString());
        Assert.Equal(37, statistic.GetProperty("claim").GetProperty("value").GetInt32());
        Assert.Equal(text[evidence.GetProperty("start").GetInt32()..evidence.GetProperty("end").GetInt32()], evidence.GetProperty("text").GetString());
        Assert.Contains("37", evidence.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
        Assert.Equal(before, fixture.Api.Fingerprint());
    }

    [Theory]
    [InlineData("""{"text":"   "}""", "text")]
    [InlineData("""{"text":"In December 2021, 37 were killed.","dataset":["nope"]}""", "dataset")]
    [InlineData("""{"txt":"In December 2021, 37 were killed."}""", "txt")]
    public async Task A_bad_article_body_names_its_field(string body, string field)
    {
        var response = await Viewer.PostAsync("/api/v1/claims/extract-and-check", Json.Body(body), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("errors").TryGetProperty(field, out _), field);
    }

    [Theory]
    [InlineData("html", "text/html", "<!DOCTYPE html")]
    [InlineData("pdf", "application/pdf", "%PDF")]
    public async Task The_monthly_report_downloads(string format, string type, string start)
    {
        var response = await Viewer.GetAsync($"/api/v1/reports/monthly?month=2021-12&format={format}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.StartsWith(start, System.Text.Encoding.UTF8.GetString(bytes, 0, 64), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Exports_carry_the_filtered_incidents_in_every_format()
    {
        const string filter = "from=2021-12&to=2021-12";
        var csv = await Viewer.GetStringAsync($"/api/v1/exports?format=csv&{filter}", Ct);
        var json = await Get($"/api/v1/exports?format=json&{filter}");
        var geo = await Get($"/api/v1/exports?format=geojson&{filter}");
        var xlsx = await Viewer.GetByteArrayAsync($"/api/v1/exports?format=xlsx&{filter}", Ct);
        var parquet = await Viewer.GetByteArrayAsync($"/api/v1/exports?format=parquet&{filter}", Ct);

        Assert.Equal(19, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(18, json.GetArrayLength());
        Assert.Equal(18, geo.GetProperty("features").GetArrayLength());
        var properties = geo.GetProperty("features")[0].GetProperty("properties");
        Assert.Equal((JsonValueKind.Number, JsonValueKind.String), (properties.GetProperty("killed_best").ValueKind, properties.GetProperty("date_start").ValueKind));
        using (var zip = new System.IO.Compression.ZipArchive(new MemoryStream(xlsx)))
        using (var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()))
            Assert.Equal(1 + 18, System.Xml.Linq.XDocument.Parse(await sheet.ReadToEndAsync(Ct)).Descendants().Count(e => e.Name.LocalName == "row"));
        await using var reader = await ParquetReader.CreateAsync(new MemoryStream(parquet), cancellationToken: Ct);
        Assert.Equal(18, reader.Metadata!.NumRows);
        var types = reader.Schema.DataFields.ToDictionary(f => f.Name, f => f.ClrType);
        Assert.Equal((typeof(int), typeof(bool), typeof(long)), (types["killed_best"], types["perpetrators_included"], types["id"]));
        Assert.NotEqual(typeof(string), types["date_start"]);
        Assert.NotEqual(typeof(string), types["created_at"]);
    }

    [Fact]
    public async Task Health_openapi_and_the_reference_page_are_served()
    {
        var client = fixture.Api.Client(null);
        var health = await client.GetAsync("/health", Ct);
        var openapi = JsonDocument.Parse(await client.GetStringAsync("/api/v1/openapi.json", Ct)).RootElement;
        var docs = await client.GetAsync("/api/docs/", Ct);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.True(openapi.GetProperty("paths").TryGetProperty("/api/v1/incidents/{id}", out _));
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.DoesNotContain("cdn.jsdelivr.net", await docs.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_filter_values_are_problems_naming_the_parameter()
    {
        foreach (var (url, field) in new[]
        {
            ("/api/v1/incidents?from=yesterday", "from"),
            ("/api/v1/statistics/series?by=fortnight", "by"),
            ("/api/v1/statistics/series?breakdown=tribe", "breakdown"),
            ("/api/v1/exports?format=doc", "format"),
            ("/api/v1/reports/monthly?month=2021", "month"),
        })
        {
            var response = await Viewer.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True(JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("errors").TryGetProperty(field, out _), url);
        }
    }
}

using System.Net;
using System.Text.Json;
using Vigil.Ingestion;
using Vigil.Ingestion.Normalization;
using Vigil.Storage;
using Vigil.Storage.Sqlite;
using Vigil.TestSupport;

namespace Vigil.Server.Tests;

/// <summary>/api/v1/datasets over the first rows of the bundled UCDP GED file, imported first, and two PBC suicide attacks (<see cref="SmallDatasets"/>).</summary>
public sealed class DatasetsApiTests : IDisposable
{
    private readonly ApiFactory _api = new();
    private readonly SmallDatasets.UcdpRows _ucdp;
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    public DatasetsApiTests()
    {
        using var dir = new TempDirectory();
        _ucdp = SmallDatasets.WriteUcdpFirstRows(dir);
        using var store = SqliteIncidentStore.Open(_api.Database);
        var importer = new Importer(store, IncidentNormalizer.Bundled());
        importer.Import(_ucdp.Path, new ImportOptions());
        importer.Import(dir.Write("pbc-suicide.csv", SmallDatasets.PbcSuicide), new ImportOptions());
    }

    public void Dispose() => _api.Dispose();

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    private async Task<JsonElement> Get(string url) => Parse(await _api.Client(ApiRole.Viewer).GetStringAsync(url, Ct));

    private string DatasetsTable() => StoreFingerprint.Of(_api.Database, "datasets");

    [Fact]
    public async Task The_list_keeps_the_databases_counts_and_adds_the_registry_in_import_order()
    {
        var body = await Get("/api/v1/datasets");

        // What the answer held before the registry, under the same names.
        Assert.Equal(["backend", "schema_version", "incidents", "deleted_incidents", "revisions", "sources", "imports", "first_date", "last_date", "datasets", "registry"],
            body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("sqlite", body.GetProperty("backend").GetString());
        Assert.Equal(_ucdp.Rows + 2, body.GetProperty("incidents").GetInt32());
        Assert.Equal(2, body.GetProperty("imports").GetInt32());
        Assert.Equal("2000-11-06", body.GetProperty("last_date").GetString());
        var counts = body.GetProperty("datasets").EnumerateArray().ToDictionary(d => d.GetProperty("dataset").GetString()!, d => d.GetProperty("incidents").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["ucdp-ged"] = _ucdp.Rows, ["pbc-suicide"] = 2 }, counts);

        var registry = body.GetProperty("registry").EnumerateArray().ToList();
        Assert.Equal(["ucdp-ged", "pbc-suicide"], registry.Select(d => d.GetProperty("name").GetString()));
        Assert.Equal([true, false], registry.Select(d => d.GetProperty("primary").GetBoolean()));
        Assert.Equal([1, 2], registry.Select(d => d.GetProperty("position").GetInt32()));
        var pbc = registry[1];
        Assert.Equal(("PBC suicide attacks", false, 2), (pbc.GetProperty("title").GetString(), pbc.GetProperty("redistributable").GetBoolean(), pbc.GetProperty("incidents").GetInt32()));
        var c = pbc.GetProperty("coverage");
        Assert.Equal(("1995-11-19", "2000-11-06"), (c.GetProperty("data_from").GetString(), c.GetProperty("data_to").GetString()));
        Assert.Equal(["suicide-bombing"], c.GetProperty("event_types").EnumerateArray().Select(e => e.GetString()));
        var ucdp = registry[0].GetProperty("coverage");
        Assert.Equal(($"{_ucdp.FirstYear}-01-01", $"{_ucdp.LastYear}-12-31", true),
            (ucdp.GetProperty("effective_from").GetString(), ucdp.GetProperty("effective_to").GetString(), ucdp.GetProperty("whole_years").GetBoolean()));
        Assert.Equal(["injured"], ucdp.GetProperty("not_recorded").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task One_dataset_is_shown_whole_and_an_unknown_one_is_a_404_naming_the_datasets()
    {
        var d = await Get("/api/v1/datasets/UCDP-GED");

        Assert.Equal(["name", "title", "description", "citation", "licence", "redistributable", "primary", "position", "incidents", "coverage"],
            d.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("ucdp-ged", "CC BY 4.0"), (d.GetProperty("name").GetString(), d.GetProperty("licence").GetString()));
        Assert.StartsWith("Sundberg, Ralph and Erik Melander (2013)", d.GetProperty("citation").GetString(), StringComparison.Ordinal);
        Assert.Equal(["declared_from", "declared_to", "data_from", "data_to", "effective_from", "effective_to", "whole_years", "gaps", "countries",
            "event_types", "kinds", "not_recorded", "comprehensive", "spans", "continues"], d.GetProperty("coverage").EnumerateObject().Select(p => p.Name));

        var missing = await _api.Client(ApiRole.Viewer).GetAsync("/api/v1/datasets/gdt", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("dataset 'gdt' not found; the datasets are ucdp-ged, pbc-suicide", Parse(await missing.Content.ReadAsStringAsync(Ct)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_admin_edits_a_dataset_others_get_403_and_the_edit_is_audited()
    {
        const string body = """
            {"title": "PBC suicide attacks 1995-2017", "licence": "CC0", "redistributable": true, "from": "1995-07", "to": "2017",
             "gaps": ["2003..2003"], "countries": ["PAK"], "event_types": ["suicide-bombing", "bombing"], "kinds": "suicide attacks and bombings",
             "not_recorded": ["injured"], "comprehensive": false}
            """;
        foreach (var role in new[] { ApiRole.Viewer, ApiRole.Analyst })
            Assert.Equal(HttpStatusCode.Forbidden, (await _api.Client(role).PutAsync("/api/v1/datasets/pbc-suicide", Json.Body(body), Ct)).StatusCode);

        var response = await _api.Client(ApiRole.Admin).PutAsync("/api/v1/datasets/pbc-suicide", Json.Body(body), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var d = await Get("/api/v1/datasets/pbc-suicide");
        Assert.Equal(("PBC suicide attacks 1995-2017", "CC0", true), (d.GetProperty("title").GetString(), d.GetProperty("licence").GetString(), d.GetProperty("redistributable").GetBoolean()));
        // Not in the body, so unchanged.
        Assert.Equal("Pakistan Body Count: suicide attacks in Pakistan.", d.GetProperty("description").GetString());
        var c = d.GetProperty("coverage");
        Assert.Equal(("1995-07-01", "2017-12-31"), (c.GetProperty("declared_from").GetString(), c.GetProperty("declared_to").GetString()));
        Assert.Equal(["2003-01-01..2003-12-31"], Strings(c.GetProperty("gaps")));
        Assert.Equal(["Pakistan"], Strings(c.GetProperty("countries")));
        Assert.Equal(["suicide-bombing", "bombing"], Strings(c.GetProperty("event_types")));
        Assert.Equal("suicide attacks and bombings", c.GetProperty("kinds").GetString());
        Assert.Equal(["injured"], Strings(c.GetProperty("not_recorded")));
        Assert.False(c.GetProperty("comprehensive").GetBoolean());
        Assert.Equal(["1995-07-01..2002-12-31", "2004-01-01..2017-12-31"], Strings(c.GetProperty("spans")));
        Assert.Equal(d.GetRawText(), Parse(await response.Content.ReadAsStringAsync(Ct)).GetRawText());

        using var store = SqliteIncidentStore.Open(_api.Database);
        Assert.Contains(store.AccessStore.GetAudit(20), e => e.Target == "/api/v1/datasets/pbc-suicide" && e.Status == 200 && e.Detail == "dataset pbc-suicide edited");
        Assert.Contains(store.AccessStore.GetAudit(20), e => e.Target == "/api/v1/datasets/pbc-suicide" && e.Status == 403);
    }

    [Theory]
    [InlineData("""{"to": "1995-01-01"}""", "to")]
    [InlineData("""{"from": "1995-13"}""", "from")]
    [InlineData("""{"gaps": ["2001"]}""", "gaps")]
    [InlineData("""{"event_types": ["bomb"]}""", "event_types")]
    [InlineData("""{"not_recorded": ["dead"]}""", "not_recorded")]
    [InlineData("""{"title": " "}""", "title")]
    [InlineData("""{"redistributable": "yes"}""", "redistributable")]
    [InlineData("""{"titel": "PBC"}""", "titel")]
    [InlineData("""{"name": "pbc"}""", "name")]
    public async Task A_bad_edit_is_a_400_naming_the_field_and_writes_nothing(string body, string field)
    {
        var table = DatasetsTable();
        // A good change beside the bad value is not written either.
        var withGood = body.Insert(1, "\"kinds\": \"changed\", ");

        var response = await _api.Client(ApiRole.Admin).PutAsync("/api/v1/datasets/pbc-suicide", Json.Body(withGood), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
        Assert.Equal(table, DatasetsTable());
        Assert.Equal("suicide attacks only", (await Get("/api/v1/datasets/pbc-suicide")).GetProperty("coverage").GetProperty("kinds").GetString());
    }

    [Fact]
    public async Task Editing_or_promoting_an_unknown_dataset_is_a_404_and_writes_nothing()
    {
        var table = DatasetsTable();
        var admin = _api.Client(ApiRole.Admin);

        var put = await admin.PutAsync("/api/v1/datasets/gdt", Json.Body("""{"title": "GTD"}"""), Ct);
        var primary = await admin.PostAsync("/api/v1/datasets/gdt/primary", null, Ct);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (put.StatusCode, primary.StatusCode));
        Assert.Contains("'gdt'", Parse(await put.Content.ReadAsStringAsync(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(table, DatasetsTable());
    }

    [Fact]
    public async Task An_admin_makes_another_dataset_primary_and_a_viewer_cannot()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await _api.Client(ApiRole.Viewer).PostAsync("/api/v1/datasets/pbc-suicide/primary", null, Ct)).StatusCode);

        var response = await _api.Client(ApiRole.Admin).PostAsync("/api/v1/datasets/pbc-suicide/primary", null, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Parse(await response.Content.ReadAsStringAsync(Ct)).GetProperty("primary").GetBoolean());
        var registry = (await Get("/api/v1/datasets")).GetProperty("registry").EnumerateArray();
        Assert.Equal(["pbc-suicide"], registry.Where(d => d.GetProperty("primary").GetBoolean()).Select(d => d.GetProperty("name").GetString()));
    }

    private static List<string?> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString())];
}

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Vigil.Storage;
using Vigil.TestSupport;

namespace Vigil.Server.Tests;

public sealed class ImportsApiTests : IDisposable
{
    private readonly ApiFactory _api = new();
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MultipartFormDataContent Upload(string path, string? name = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(File.ReadAllBytes(path));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", name ?? Path.GetFileName(path));
        return form;
    }

    [Fact]
    public async Task An_admin_uploads_a_file_and_gets_the_import_result()
    {
        var response = await _api.Client(ApiRole.Admin).PostAsync("/api/v1/imports", Upload(RepoFiles.BundledUcdp), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(6416, body.GetProperty("created").GetInt64());
        Assert.Equal("ucdp-ged", body.GetProperty("format").GetString());
    }

    /// <summary>ACLED's API answer for the rows of the team's ACLED sample: its envelope, every value a string.</summary>
    private static string AcledApiAnswer(out int events)
    {
        using var parser = new Microsoft.VisualBasic.FileIO.TextFieldParser(RepoFiles.Path_("tests", "Vigil.Ingestion.Tests", "Fixtures", "acled-pakistan-sample.csv"))
        {
            TextFieldType = Microsoft.VisualBasic.FileIO.FieldType.Delimited,
            HasFieldsEnclosedInQuotes = true,
        };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        var data = new List<Dictionary<string, string>>();
        while (parser.ReadFields() is { } row)
            data.Add(header.Zip(row).ToDictionary(p => p.First, p => p.Second));
        events = data.Count;
        return JsonSerializer.Serialize(new Dictionary<string, object> { ["status"] = 200, ["success"] = true, ["count"] = data.Count, ["data"] = data });
    }

    [Fact]
    public async Task An_upload_of_acleds_api_json_imports_as_acled()
    {
        var json = AcledApiAnswer(out var events);
        var form = new MultipartFormDataContent { { new StringContent(json, System.Text.Encoding.UTF8, "application/json"), "file", "acled-api.json" } };

        var response = await _api.Client(ApiRole.Admin).PostAsync("/api/v1/imports", form, Ct);

        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(("acled", (long)events), (body.GetProperty("format").GetString(), body.GetProperty("created").GetInt64()));

        // The API's refusal, uploaded by mistake, is refused with what the API said, and nothing is written.
        var before = _api.Fingerprint();
        var refusal = new MultipartFormDataContent { { new StringContent("""{"status":403,"success":false,"error":{"message":"Access denied: check your key"}}""", System.Text.Encoding.UTF8, "application/json"), "file", "acled-denied.json" } };
        var refused = await _api.Client(ApiRole.Admin).PostAsync("/api/v1/imports", refusal, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Access denied: check your key", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(before, _api.Fingerprint());
    }

    [Fact]
    public async Task A_bad_file_is_refused_whole_with_its_place_and_nothing_written()
    {
        var bad = RepoFiles.Path_("tests", "Vigil.Ingestion.Tests", "BadInput", "latitude-95.csv");
        var before = _api.Fingerprint();

        var response = await _api.Client(ApiRole.Admin).PostAsync("/api/v1/imports", Upload(bad), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.StartsWith("latitude-95.csv:", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(problem.GetProperty("errors").TryGetProperty("latitude", out _));
        Assert.Equal(before, _api.Fingerprint());
    }

    [Fact]
    public async Task With_skip_invalid_the_rejected_rows_can_be_downloaded()
    {
        var bad = RepoFiles.Path_("tests", "Vigil.Ingestion.Tests", "BadInput", "latitude-95.csv");
        var admin = _api.Client(ApiRole.Admin);

        var response = await admin.PostAsync("/api/v1/imports?skip_invalid=true", Upload(bad), Ct);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        var rejected = await admin.GetStringAsync(body.GetProperty("rejected_rows").GetString()!, Ct);

        Assert.Equal(1, body.GetProperty("rejected").GetInt64());
        Assert.Contains("vigil_error", rejected, StringComparison.Ordinal);
        Assert.Contains("latitude", rejected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Imports_need_an_admin_and_a_file()
    {
        var byAnalyst = await _api.Client(ApiRole.Analyst).PostAsync("/api/v1/imports", Upload(RepoFiles.BundledUcdp), Ct);
        var noFile = await _api.Client(ApiRole.Admin).PostAsync("/api/v1/imports", new MultipartFormDataContent(), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byAnalyst.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noFile.StatusCode);
    }

    public void Dispose() => _api.Dispose();
}

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

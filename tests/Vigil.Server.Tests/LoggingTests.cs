using System.Net;
using System.Net.Http.Headers;
using Vigil.Storage;
using Vigil.TestSupport;

namespace Vigil.Server.Tests;

public sealed class LoggingTests : IDisposable
{
    private readonly ApiFactory _api = new();
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task An_import_is_logged_with_its_event_id_file_and_counts()
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(RepoFiles.BundledUcdp, Ct));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "conflict_data_pak.csv");

        var response = await _api.Client(ApiRole.Admin).PostAsync("/api/v1/imports", form, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = Assert.Single(_api.Logs.Entries, e => e.Event.Id == 1001);
        Assert.Equal(("Vigil.Imports", "ImportCompleted"), (entry.Category, entry.Event.Name));
        Assert.Contains("imported conflict_data_pak.csv as ucdp-ged: 6416 rows read, 6416 created", entry.Message, StringComparison.Ordinal);
        Assert.Contains("by key:admin", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_key_is_logged_as_an_authentication_failure()
    {
        var response = await _api.ClientWithKey("vgl_not-a-key").GetAsync("/api/v1/incidents", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var entry = Assert.Single(_api.Logs.Entries, e => e.Event.Id == 3001);
        Assert.Contains("authentication failed for GET /api/v1/incidents", entry.Message, StringComparison.Ordinal);
        Assert.Contains("unknown or revoked API key", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("vgl_not-a-key", entry.Message, StringComparison.Ordinal);
    }
}

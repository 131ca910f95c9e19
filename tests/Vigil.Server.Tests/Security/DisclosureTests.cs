using System.Net;
using Vigil.Storage;

namespace Vigil.Server.Tests.Security;

/// <summary>Issue 13, defect 11: no server paths in answers or files handed out; odd upload names are handled.</summary>
public sealed class DisclosureTests : IDisposable
{
    private readonly ApiFactory _api = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Datasets_do_not_disclose_where_the_database_is()
    {
        _api.Seed(1);

        var text = await (await _api.Client(ApiRole.Viewer).GetAsync("/api/v1/datasets", Ct)).Text();

        Assert.DoesNotContain(Path.GetFileName(_api.Database), text, StringComparison.Ordinal);
        Assert.DoesNotContain(_api.Directory, text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"location\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejected_row_files_do_not_disclose_server_paths()
    {
        var admin = _api.Client(ApiRole.Admin);
        var upload = await admin.PostAsync("/api/v1/imports?format=vigil-csv&skip_invalid=true",
            SecurityTestSupport.Upload("dataset,source_id,event_type,date_start\nt,1,bombing,2020-01-01\nt,2,bombing,not-a-date\n", "mixed.csv"), Ct);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var id = System.Text.Json.JsonDocument.Parse(await upload.Text()).RootElement.GetProperty("import_id").GetInt64();

        var rejects = await (await admin.GetAsync($"/api/v1/imports/{id}/rejected", Ct)).Text();

        Assert.Contains("mixed.csv:3:", rejects, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetTempPath(), rejects, StringComparison.Ordinal);
        Assert.DoesNotContain("vigil-upload-", rejects, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("../../etc/passwd")]
    [InlineData("..\\..\\x.csv")]
    [InlineData("...")]
    [InlineData("a:b.csv")]
    public async Task Uploads_with_dot_names_or_paths_are_imported_under_a_safe_name(string name)
    {
        var response = await _api.Client(ApiRole.Admin).PostAsync("/api/v1/imports?format=vigil-csv",
            SecurityTestSupport.Upload("dataset,source_id,event_type,date_start\nt,1,bombing,2020-01-01\n", name), Ct);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Text()}");
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), "x.csv")));
    }

    public void Dispose() => _api.Dispose();
}

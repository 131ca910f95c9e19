using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Cli.Infrastructure;
using Vigil.TestSupport;

namespace Vigil.Cli.Tests;

/// <summary>
/// <c>vigil import URL</c> against a web server of the test's own on 127.0.0.1 (never the internet): files and ACLED
/// API JSON are imported, every failure of the download exits non-zero with the URL and the reason, and the
/// temporary file is gone afterwards whatever happened.
/// </summary>
public sealed class ImportUrlTests : IAsyncLifetime
{
    // Two invented ACLED events (no real record), in the API's shape.
    private const string AcledJson = """
        {"status":200,"success":true,"count":2,"data":[
        {"event_id_cnty":"PAK99001","event_date":"2023-02-06","year":"2023","time_precision":"1","event_type":"Explosions/Remote violence","sub_event_type":"Suicide bomb","actor1":"TTP: Tehreek-i-Taliban Pakistan","inter1":"2","actor2":"Police Forces of Pakistan (2018-)","inter2":"1","country":"Pakistan","admin1":"Khyber Pakhtunkhwa","admin2":"Bannu","admin3":"Bannu","location":"Bannu","latitude":"32.9861","longitude":"70.6042","geo_precision":"1","source":"Dawn","notes":"Invented for a test.","fatalities":"4","timestamp":"1675987200"},
        {"event_id_cnty":"PAK99002","event_date":"2023-03-11","year":"2023","time_precision":"1","event_type":"Battles","sub_event_type":"Armed clash","actor1":"Military Forces of Pakistan (2018-)","inter1":"1","actor2":"TTP: Tehreek-i-Taliban Pakistan","inter2":"2","country":"Pakistan","admin1":"Khyber Pakhtunkhwa","admin2":"North Waziristan","admin3":"Datta Khel","location":"Datta Khel","latitude":32.9358,"longitude":69.7417,"geo_precision":2,"source":"Dawn","notes":null,"fatalities":6,"timestamp":1679011200}
        ]}
        """;

    /// <summary>The same with the comma before the first "notes" lost.</summary>
    private static readonly string BrokenJson = AcledJson.Replace("\"Dawn\",\"notes\"", "\"Dawn\" \"notes\"", StringComparison.Ordinal);

    private const int Big = 200 * 1024;

    private readonly Cli _cli = new();
    private readonly HashSet<string> _downloadsBefore = Downloads();
    private WebApplication _server = null!;
    private string _base = "";

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        _server.MapGet("/ucdp.csv", () => Results.File(RepoFiles.BundledUcdp, "text/csv"));
        _server.MapGet("/api/acled/read", () => Results.Text(AcledJson, "application/json"));
        _server.MapGet("/export", (HttpContext c) =>
        {
            c.Response.Headers.ContentDisposition = "attachment; filename=\"acled-from-server.json\"";
            return Results.Text(AcledJson.Replace("\"fatalities\":\"4\"", "\"fatalities\":\"four\"", StringComparison.Ordinal), "application/json");
        });
        _server.MapGet("/broken.json", () => Results.Text(BrokenJson, "application/json"));
        _server.MapGet("/missing", () => Results.NotFound());
        _server.MapGet("/fails", () => Results.StatusCode(500));
        _server.MapGet("/loop-a", () => Results.Redirect("/loop-b"));
        _server.MapGet("/loop-b", () => Results.Redirect("/loop-a"));
        _server.MapGet("/hop/{n:int}", (int n) => n == 0 ? Results.Text(AcledJson, "application/json") : Results.Redirect($"/hop/{n - 1}"));
        _server.MapGet("/big", () => Results.Bytes(new byte[Big], "text/csv"));
        _server.MapGet("/big-unannounced", async (HttpContext c) =>
        {
            // No Content-Length: the limit must hold on the bytes as they arrive.
            var chunk = new byte[16 * 1024];
            for (var sent = 0; sent < Big; sent += chunk.Length)
                await c.Response.Body.WriteAsync(chunk, c.RequestAborted);
        });
        _server.MapGet("/hang", async (HttpContext c) => await Task.Delay(Timeout.Infinite, c.RequestAborted));
        _server.MapGet("/hang-body", async (HttpContext c) =>
        {
            await c.Response.WriteAsync("event_id_cnty,event_date\n", c.RequestAborted);
            await c.Response.Body.FlushAsync(c.RequestAborted);
            await Task.Delay(Timeout.Infinite, c.RequestAborted);
        });
        await _server.StartAsync(TestContext.Current.CancellationToken);
        _base = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    [Fact]
    public void A_CSV_file_at_a_URL_is_imported_and_the_URL_recorded_as_its_source()
    {
        var url = $"{_base}/ucdp.csv";

        var result = _cli.Run("import", url, "--json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        var report = JsonDocument.Parse(result.Output).RootElement[0];
        Assert.Equal("ucdp-ged", report.GetProperty("format").GetString());
        Assert.Equal(6416, report.GetProperty("created").GetInt64()); // the UCDP file's events (data/ATTRIBUTION.md)
        Assert.Equal([url], ImportedFrom());
        AssertNoDownloadLeft();
    }

    [Fact]
    public void ACLED_API_JSON_at_a_URL_is_imported_with_its_credentials_hidden_in_the_record()
    {
        var result = _cli.Run("import", $"{_base}/api/acled/read?key=S3CRET-KEY&email=analyst%40example.org&country=Pakistan", "--json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        var report = JsonDocument.Parse(result.Output).RootElement[0];
        Assert.Equal("acled", report.GetProperty("format").GetString());
        Assert.Equal(2, report.GetProperty("created").GetInt64());
        Assert.Equal([$"{_base}/api/acled/read?key=***&email=***&country=Pakistan"], ImportedFrom());
        Assert.DoesNotContain("S3CRET", result.Output, StringComparison.Ordinal);
        AssertNoDownloadLeft();
    }

    [Fact]
    public void The_file_name_comes_from_Content_Disposition()
    {
        var rejects = Path.GetFullPath("acled-from-server.rejected.jsonl");
        try
        {
            var result = _cli.Run("import", $"{_base}/export", "--skip-invalid");

            Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
            Assert.Contains(rejects, result.Output.ReplaceLineEndings(""), StringComparison.Ordinal);
            var rejected = JsonDocument.Parse(Assert.Single(File.ReadAllLines(rejects))).RootElement;
            Assert.Contains("data[0].fatalities: 'four' is not a whole number", rejected.GetProperty("Error").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(rejects);
        }
        AssertNoDownloadLeft();
    }

    [Fact]
    public void Bad_JSON_at_a_URL_is_refused_naming_the_URL_line_and_column()
    {
        var url = $"{_base}/broken.json";
        var line = BrokenJson.Split('\n')[1];

        var result = _cli.Run("import", url);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains($"{url}:2:{line.IndexOf("\"Dawn\" \"notes\"", StringComparison.Ordinal) + 8}: invalid JSON", result.Error, StringComparison.Ordinal);
        Assert.Empty(ImportedFrom());
        AssertNoDownloadLeft();
    }

    [Theory]
    [InlineData("/missing", "404")]
    [InlineData("/fails", "500")]
    public void A_status_other_than_2xx_is_an_error_naming_the_status_and_the_URL(string path, string status)
    {
        var result = _cli.Run("import", _base + path);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains($"{_base}{path}: the server answered {status}", result.Error, StringComparison.Ordinal);
        AssertNoDownloadLeft();
    }

    [Fact]
    public void A_redirect_loop_is_an_error_that_shows_the_loop()
    {
        var result = _cli.Run("import", $"{_base}/loop-a");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains($"a redirect loop ({_base}/loop-a -> {_base}/loop-b -> {_base}/loop-a)", result.Error, StringComparison.Ordinal);
        AssertNoDownloadLeft();
    }

    [Fact]
    public void Five_redirects_are_followed_and_a_sixth_is_refused()
    {
        Assert.Equal(ExitCodes.Success, _cli.Run("import", $"{_base}/hop/5").ExitCode);

        var result = _cli.Run("import", $"{_base}/hop/6");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("more than 5 redirects", result.Error, StringComparison.Ordinal);
        AssertNoDownloadLeft();
    }

    [Theory]
    [InlineData("/big")]
    [InlineData("/big-unannounced")]
    public void A_body_over_the_size_limit_is_stopped_and_the_limit_named(string path)
    {
        var result = _cli.Run("import", _base + path, "--max-size", "100KB");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("--max-size limit of 102,400 bytes", result.Error, StringComparison.Ordinal);
        Assert.Empty(ImportedFrom());
        AssertNoDownloadLeft();
    }

    [Theory]
    [InlineData("/hang")]
    [InlineData("/hang-body")]
    public void A_server_that_does_not_finish_in_time_is_given_up_on(string path)
    {
        var started = DateTime.UtcNow;

        var result = _cli.Run("import", _base + path, "--timeout", "1");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains($"{_base}{path}: no complete answer within 1 s", result.Error, StringComparison.Ordinal);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20), "the timeout did not stop the download");
        AssertNoDownloadLeft();
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/acled.csv", "'ftp' scheme is not supported")]
    [InlineData("file:///etc/passwd", "'file' scheme is not supported")]
    public void A_scheme_other_than_http_or_https_is_a_usage_error(string url, string message)
    {
        var result = _cli.Run("import", url);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    /// <summary>The file names recorded for the imports in the database.</summary>
    private List<string> ImportedFrom()
    {
        if (!File.Exists(_cli.Db))
            return [];
        using var connection = new SqliteConnection($"Data Source={_cli.Db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT file_name FROM imports WHERE finished_at IS NOT NULL ORDER BY id";
        using var r = cmd.ExecuteReader();
        var names = new List<string>();
        while (r.Read())
            names.Add(r.GetString(0));
        return names;
    }

    private static HashSet<string> Downloads() => [.. Directory.GetDirectories(Path.GetTempPath(), "vigil-download-*")];

    private void AssertNoDownloadLeft() => Assert.Subset(_downloadsBefore, Downloads());

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync(CancellationToken.None);
        await _server.DisposeAsync();
        _cli.Dispose();
    }
}

using System.Net;
using System.Text.Json;
using Vigil.Storage;

namespace Vigil.Server.Tests.Security;

/// <summary>Issue 13, defect 9: incidents dated in the far future are refused from analysts and imports.</summary>
public sealed class FutureDateTests : IDisposable
{
    private readonly ApiFactory _api = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Today(int plusDays) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(plusDays).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2090-01-01", null, "date_start")]
    [InlineData("2020-01-01", "2090-01-01", "date_end")]
    public async Task Future_dated_incidents_are_refused_from_analysts_naming_the_field(string start, string? end, string field)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, string?> { ["date_start"] = start, ["date_end"] = end, ["event_type"] = "bombing" });

        var response = await _api.Client(ApiRole.Analyst).PostAsync("/api/v1/incidents", Json.Body(body), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Text()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Contains("is in the future", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dates_up_to_the_tolerance_are_accepted_and_beyond_it_refused()
    {
        var analyst = _api.Client(ApiRole.Analyst);

        var ok = await analyst.PostAsync("/api/v1/incidents", Json.Body($$"""{"date_start":"{{Today(1)}}","event_type":"bombing"}"""), Ct);
        var late = await analyst.PostAsync("/api/v1/incidents", Json.Body($$"""{"date_start":"{{Today(4)}}","event_type":"bombing"}"""), Ct);

        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
    }

    [Fact]
    public async Task Future_dated_rows_in_an_upload_are_refused_with_file_line_column_and_field()
    {
        var before = _api.Fingerprint();

        var response = await _api.Client(ApiRole.Admin).PostAsync("/api/v1/imports?format=vigil-csv",
            SecurityTestSupport.Upload("dataset,source_id,event_type,date_start\nt,1,bombing,2020-01-01\nt,2,bombing,2090-05-01\n", "future.csv"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Text()).Contains("future.csv:3:4: date_start: 2090-05-01 is in the future", StringComparison.Ordinal), await response.Text());
        Assert.Equal(before, _api.Fingerprint());
    }

    public void Dispose() => _api.Dispose();
}

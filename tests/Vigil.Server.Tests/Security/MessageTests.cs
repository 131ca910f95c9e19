using System.Net;
using System.Text.Json;
using Vigil.Storage;

namespace Vigil.Server.Tests.Security;

/// <summary>Issue 13, defect 13: messages that name the right field and say what is wrong.</summary>
public sealed class MessageTests : IDisposable
{
    private readonly ApiFactory _api = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("latitude,longitude\nNaN,70", "latitude")]
    [InlineData("latitude,longitude\n30,NaN", "longitude")]
    [InlineData("latitude,longitude\nInfinity,70", "latitude")]
    public async Task A_bad_coordinate_is_reported_against_its_own_field(string columns, string field)
    {
        var lines = columns.Split('\n');
        var csv = $"dataset,source_id,event_type,date_start,{lines[0]}\nt,1,bombing,2020-01-01,{lines[1]}\n";

        var response = await _api.Client(ApiRole.Admin).PostAsync("/api/v1/imports?format=vigil-csv", SecurityTestSupport.Upload(csv, "coords.csv"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Text()).Contains($": {field}: ", StringComparison.Ordinal), await response.Text());
    }

    [Fact]
    public async Task A_too_large_count_is_called_too_large()
    {
        var response = await _api.Client(ApiRole.Admin).PostAsync("/api/v1/imports?format=vigil-csv",
            SecurityTestSupport.Upload("dataset,source_id,event_type,date_start,killed_best\nt,1,bombing,2020-01-01,99999999999\n", "big.csv"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Text()).Contains("'99999999999' is too large: a count may be at most 2,147,483,647", StringComparison.Ordinal), await response.Text());
    }

    [Fact]
    public async Task A_too_large_count_in_JSON_names_its_field_and_says_what_is_wrong()
    {
        var response = await _api.Client(ApiRole.Analyst).PostAsync("/api/v1/incidents",
            Json.Body("""{"date_start":"2020-01-01","event_type":"bombing","killed":{"best":99999999999}}"""), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Text()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty("killed.best", out _), problem.ToString());
        Assert.True(problem.GetProperty("detail").GetString()!.Contains("too large", StringComparison.Ordinal), problem.GetProperty("detail").GetString());
    }

    public void Dispose() => _api.Dispose();
}

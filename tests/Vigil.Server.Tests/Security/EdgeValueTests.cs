using System.Net;
using System.Text.Json;
using Vigil.Storage;

namespace Vigil.Server.Tests.Security;

/// <summary>Issue 13, defect 7: calendar-edge dates and non-finite numbers are refused by name, never 500.</summary>
public sealed class EdgeValueTests : IDisposable
{
    private readonly ApiFactory _api = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/v1/incidents?to=9999", "to")]
    [InlineData("/api/v1/incidents?to=9999-12-31", "to")]
    [InlineData("/api/v1/incidents?to=9999-12", "to")]
    [InlineData("/api/v1/statistics/series?by=week&from=0001-01-01", "from")]
    [InlineData("/api/v1/statistics/series?by=month&from=0001-01-01", "from")]
    [InlineData("/api/v1/statistics/series?by=month&to=9999-12-31", "to")]
    [InlineData("/api/v1/statistics/overview?month=9999-12", "month")]
    [InlineData("/api/v1/statistics/overview?month=0001-01", "month")]
    [InlineData("/api/v1/reports/monthly?month=9999-12", "month")]
    [InlineData("/api/v1/reports/monthly?month=0001-01", "month")]
    [InlineData("/api/v1/statistics/explain?period=0000-W01", "period")]
    [InlineData("/api/v1/statistics/explain?period=9999-W52", "period")]
    [InlineData("/api/v1/crossings/torkham/nearby?radius_km=NaN", "radius_km")]
    [InlineData("/api/v1/crossings/torkham/nearby?radius_km=Infinity", "radius_km")]
    [InlineData("/api/v1/crossings/torkham/nearby?radius_km=-Infinity", "radius_km")]
    public async Task Calendar_edge_dates_and_non_finite_numbers_get_a_400_naming_the_parameter(string url, string field)
    {
        _api.Seed(2);

        var response = await _api.Client(ApiRole.Viewer).GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(JsonDocument.Parse(await response.Text()).RootElement.GetProperty("errors").TryGetProperty(field, out _), await response.Text());
    }

    [Theory]
    [InlineData("/api/v1/statistics/series?by=week&from=1900-01-01&to=1900-03-01")]
    [InlineData("/api/v1/statistics/series?by=month&from=2100-01&to=2100-12-31")]
    [InlineData("/api/v1/statistics/overview?month=2100-12")]
    [InlineData("/api/v1/statistics/overview?month=1900-01")]
    public async Task The_edges_of_the_covered_calendar_are_answered(string url)
    {
        _api.Seed(2);

        var response = await _api.Client(ApiRole.Viewer).GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public void Dispose() => _api.Dispose();
}

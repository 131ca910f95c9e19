using System.Net.Http.Json;
using System.Text.Json;

namespace Vigil.Dashboard.Tests.Support;

/// <summary>The REST API's answers, to compare the pages' numbers with.</summary>
public static class Api
{
    public static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A headline of /api/v1/statistics/overview ("Incidents", "Killed", "Injured").</summary>
    public static async Task<long> OverviewHeadlineAsync(HttpClient client, string query, string label)
    {
        var overview = await GetAsync(client, "/api/v1/statistics/overview?" + query);
        return overview.GetProperty("headlines").EnumerateArray().Single(h => h.GetProperty("label").GetString() == label).GetProperty("value").GetInt64();
    }

    /// <summary>How many incidents /api/v1/incidents counts for the filters.</summary>
    public static async Task<long> IncidentTotalAsync(HttpClient client, string query) =>
        (await GetAsync(client, "/api/v1/incidents?page_size=1&" + query)).GetProperty("total").GetInt64();

    public static async Task<JsonElement> FirstIncidentAsync(HttpClient client, string query) =>
        (await GetAsync(client, "/api/v1/incidents?page_size=1&" + query)).GetProperty("items")[0];

    /// <summary>The checks of /api/v1/claims/check for a claims JSON.</summary>
    public static async Task<JsonElement> CheckAsync(HttpClient client, string claimsJson)
    {
        var response = await client.PostAsync("/api/v1/claims/check", new StringContent(claimsJson, System.Text.Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

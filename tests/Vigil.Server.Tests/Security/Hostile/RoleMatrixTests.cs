using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Storage;
using Vigil.TestSupport.Hostile;

namespace Vigil.Server.Tests.Security.Hostile;

/// <summary>
/// Every endpoint the server maps (read from its EndpointDataSource, so that none can be forgotten) ×
/// {no key, viewer, analyst, admin, an admin's sign-in cookie from a foreign Origin}, checked against an
/// explicit table of who may do what. An endpoint missing from the table fails the test.
/// </summary>
public sealed class RoleMatrixTests : IDisposable
{
    private readonly ApiFactory _api = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public enum Need { Anyone, Viewer, Analyst, Admin }

    /// <summary>Who may use each endpoint: "METHOD /pattern" (route constraints left out) → the least role.</summary>
    public static readonly IReadOnlyDictionary<string, Need> Table = new Dictionary<string, Need>(StringComparer.Ordinal)
    {
        ["GET /health"] = Need.Anyone,
        ["GET /api/v1/openapi.json"] = Need.Anyone,
        ["GET /api/docs/{documentName?}"] = Need.Anyone,
        ["GET /api/docs/favicon.svg"] = Need.Anyone,
        ["GET /api/docs/scalar.aspnetcore.js"] = Need.Anyone,
        ["GET /api/docs/scalar.js"] = Need.Anyone,
        ["GET /api/v1/incidents"] = Need.Viewer,
        ["GET /api/v1/incidents/{id}"] = Need.Viewer,
        ["GET /api/v1/incidents/{id}/revisions"] = Need.Viewer,
        ["GET /api/v1/incidents/{id}/reports"] = Need.Viewer,
        ["POST /api/v1/incidents"] = Need.Analyst,
        ["PUT /api/v1/incidents/{id}"] = Need.Analyst,
        ["DELETE /api/v1/incidents/{id}"] = Need.Admin,
        ["GET /api/v1/review"] = Need.Viewer,
        ["POST /api/v1/review/{id}/accept"] = Need.Analyst,
        ["POST /api/v1/review/{id}/reject"] = Need.Analyst,
        ["POST /api/v1/intake"] = Need.Analyst,
        ["GET /api/v1/feeds"] = Need.Admin,
        ["GET /api/v1/feeds/{id}"] = Need.Admin,
        ["POST /api/v1/feeds"] = Need.Admin,
        ["DELETE /api/v1/feeds/{id}"] = Need.Admin,
        ["POST /api/v1/feeds/{id}/poll"] = Need.Admin,
        ["GET /api/v1/merges"] = Need.Viewer,
        ["GET /api/v1/merges/plan"] = Need.Viewer,
        ["POST /api/v1/merges/apply"] = Need.Analyst,
        ["POST /api/v1/merges/{id}/undo"] = Need.Analyst,
        ["GET /api/v1/links"] = Need.Viewer,
        ["POST /api/v1/links/build"] = Need.Analyst,
        ["POST /api/v1/links/{id}/confirm"] = Need.Analyst,
        ["POST /api/v1/links/{id}/reject"] = Need.Analyst,
        ["GET /api/v1/statistics/series"] = Need.Viewer,
        ["GET /api/v1/statistics/overview"] = Need.Viewer,
        ["GET /api/v1/statistics/explain"] = Need.Viewer,
        ["POST /api/v1/claims/check"] = Need.Viewer,
        ["POST /api/v1/claims/extract-and-check"] = Need.Viewer,
        ["GET /api/v1/claims/accepted"] = Need.Viewer,
        ["GET /api/v1/reports/monthly"] = Need.Viewer,
        ["GET /api/v1/reports/published"] = Need.Viewer,
        ["GET /api/v1/reports/published/{id}/diff"] = Need.Viewer,
        ["GET /api/v1/keys"] = Need.Admin,
        ["POST /api/v1/keys"] = Need.Admin,
        ["DELETE /api/v1/keys/{name}"] = Need.Admin,
        ["GET /api/v1/audit"] = Need.Admin,
        ["GET /api/v1/datasets"] = Need.Viewer,
        ["GET /api/v1/datasets/{name}"] = Need.Viewer,
        ["PUT /api/v1/datasets/{name}"] = Need.Admin,
        ["POST /api/v1/datasets/{name}/primary"] = Need.Admin,
        ["GET /api/v1/sources"] = Need.Viewer,
        ["GET /api/v1/sources/{key}"] = Need.Viewer,
        ["POST /api/v1/sources"] = Need.Analyst,
        ["PUT /api/v1/sources/{key}"] = Need.Analyst,
        ["GET /api/v1/imports"] = Need.Viewer,
        ["POST /api/v1/imports"] = Need.Admin,
        ["GET /api/v1/imports/{id}/rejected"] = Need.Viewer,
        ["GET /api/v1/exports"] = Need.Viewer,
        ["GET /api/v1/engagements"] = Need.Viewer,
        ["GET /api/v1/commitments"] = Need.Viewer,
        ["GET /api/v1/commitments/{key}"] = Need.Viewer,
        ["GET /api/v1/commitments/{key}/evaluation"] = Need.Viewer,
        ["GET /api/v1/scorecard"] = Need.Viewer,
        ["POST /api/v1/accountability/imports"] = Need.Analyst,
        ["POST /api/v1/commitments/{key}/scores"] = Need.Analyst,
        ["GET /api/v1/crossings"] = Need.Viewer,
        ["GET /api/v1/crossings/{key}"] = Need.Viewer,
        ["GET /api/v1/crossings/{key}/episodes"] = Need.Viewer,
        ["GET /api/v1/crossings/{key}/events"] = Need.Viewer,
        ["GET /api/v1/crossings/{key}/nearby"] = Need.Viewer,
        ["POST /api/v1/crossings/{key}/events"] = Need.Analyst,
        // The dashboard: pages need a viewer (anonymous reading is off here); forms an analyst and their token.
        ["GET /"] = Need.Viewer,
        ["GET /map"] = Need.Viewer,
        ["GET /map/districts.geojson"] = Need.Viewer,
        ["GET /incidents"] = Need.Viewer,
        ["GET /incidents/{id}"] = Need.Viewer,
        ["GET /incidents/{id}/edit"] = Need.Analyst,
        ["POST /incidents/{id}/edit"] = Need.Analyst,
        ["GET /matrix"] = Need.Viewer,
        ["GET /reports"] = Need.Viewer,
        ["POST /reports/notes"] = Need.Analyst,
        ["GET /reports/published"] = Need.Viewer,
        ["GET /reports/published/{id}"] = Need.Viewer,
        ["GET /scorecard"] = Need.Viewer,
        ["GET /crossings"] = Need.Viewer,
        ["GET /claims"] = Need.Viewer,
        ["POST /claims"] = Need.Viewer,
        ["POST /claims/article"] = Need.Viewer,
        ["GET /review"] = Need.Viewer,
        ["GET /review/{id}"] = Need.Viewer,
        ["POST /review/{id}/accept"] = Need.Analyst,
        ["POST /review/{id}/reject"] = Need.Analyst,
        ["POST /review/merge"] = Need.Analyst,
        ["GET /review/merges"] = Need.Viewer,
        ["POST /review/merges/{id}/undo"] = Need.Analyst,
        ["GET /feeds"] = Need.Admin,
        ["POST /feeds"] = Need.Admin,
        ["POST /feeds/{id}/remove"] = Need.Admin,
        ["POST /feeds/{id}/poll"] = Need.Admin,
        ["GET /signin"] = Need.Anyone,
        ["POST /signin"] = Need.Anyone,
        ["POST /signout"] = Need.Anyone,
        ["GET /dashboard/site.css"] = Need.Anyone,
        ["GET /dashboard/site.js"] = Need.Anyone,
        ["GET /dashboard/charts.js"] = Need.Anyone,
        ["GET /dashboard/map.js"] = Need.Anyone,
        ["GET /dashboard/lib/{package}/{file}"] = Need.Anyone,
    };

    /// <summary>The server's endpoints as "METHOD /pattern".</summary>
    public static IReadOnlyList<string> Endpoints(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} {Pattern(e.RoutePattern.RawText)}"))
            .Distinct().Order(StringComparer.Ordinal)];

    private static string Pattern(string? raw)
    {
        var p = System.Text.RegularExpressions.Regex.Replace(raw ?? "/", @"\{(\*{0,2}\w+\??)(:[^}]*)?\}", "{$1}");
        p = "/" + p.Trim('/');
        return p;
    }

    /// <summary>A concrete address for a pattern: route values filled with values that exist or plausibly could.</summary>
    public static string Address(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{\*{0,2}(\w+)\??\}", m => m.Groups[1].Value switch
        {
            "id" => "1",
            "key" => "torkham",
            "name" => "nobody",
            "package" => "uplot",
            "file" => "uPlot.min.css",
            _ => "v1",
        });

    [Fact]
    public void Every_endpoint_is_in_the_role_table_and_the_table_names_no_endpoint_that_is_gone()
    {
        var endpoints = Endpoints(_api.Services);

        var missing = endpoints.Where(e => !Table.ContainsKey(e)).ToList();
        var gone = Table.Keys.Where(k => !endpoints.Contains(k)).ToList();

        Assert.True(missing.Count == 0, "endpoints missing from RoleMatrixTests.Table (say who may use them): " + string.Join(", ", missing));
        Assert.True(gone.Count == 0, "RoleMatrixTests.Table names endpoints the server no longer maps: " + string.Join(", ", gone));
    }

    private enum Caller { NoKey, Viewer, Analyst, Admin, ForeignCookie }

    [Fact]
    public async Task Every_endpoint_answers_each_role_as_the_table_says_and_never_with_5xx()
    {
        _api.Seed(1);
        var clients = new Dictionary<Caller, HttpClient>
        {
            [Caller.NoKey] = _api.Client(null),
            [Caller.Viewer] = _api.Client(ApiRole.Viewer),
            [Caller.Analyst] = _api.Client(ApiRole.Analyst),
            [Caller.Admin] = _api.Client(ApiRole.Admin),
            [Caller.ForeignCookie] = _api.SessionClient(ApiRole.Admin, origin: "https://evil.example"),
        };
        var tally = new RequestTally("role matrix");
        var problems = new List<string>();
        var endpoints = Endpoints(_api.Services).Where(Table.ContainsKey).ToList();
        // Deletions last, so that the other requests find the seeded incident.
        foreach (var endpoint in endpoints.OrderBy(e => e.StartsWith("DELETE", StringComparison.Ordinal)))
        {
            var method = endpoint[..endpoint.IndexOf(' ', StringComparison.Ordinal)];
            var pattern = endpoint[(method.Length + 1)..];
            var need = Table[endpoint];
            foreach (var (caller, client) in clients)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), Address(pattern));
                if (method is "POST" or "PUT")
                    request.Content = Json.Body("{}");
                var status = (int)(await client.SendAsync(request, Ct)).StatusCode;
                var violation = Check(method, pattern, need, caller, status);
                tally.Add($"{caller} {method} {Address(pattern)}", status, violation);
                if (violation is not null)
                    problems.Add($"{caller} {endpoint}: {status}: {violation}");
            }
        }
        tally.Report($" ({endpoints.Count} endpoints × {clients.Count} callers)");

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(0, tally.ServerErrors);
    }

    private static string? Check(string method, string pattern, Need need, Caller caller, int status)
    {
        if (status >= 500)
            return "server error";
        var write = method is not ("GET" or "HEAD");
        var api = pattern.StartsWith("/api/", StringComparison.Ordinal);
        Need? role = caller switch
        {
            Caller.Viewer => Need.Viewer,
            Caller.Analyst => Need.Analyst,
            Caller.Admin => Need.Admin,
            Caller.ForeignCookie when !write => Need.Admin,
            _ => null,
        };
        if (caller == Caller.ForeignCookie && write)
        {
            // A cross-site write through the cookie must never be carried out.
            if (api && status != 401)
                return "a cookie write from a foreign Origin must get 401";
            return status is >= 400 and < 500 ? null : "a cookie write from a foreign Origin must be refused";
        }
        if (need == Need.Anyone)
            return status is 401 or 403 ? "open to anyone, yet refused" : null;
        if (role is null)
            return status == 401 ? null : "without a key it must be 401";
        if (role < need)
            return status == 403 ? null : $"a {role} may not use it: must be 403";
        return status is 401 or 403 ? $"a {role} may use it, yet refused" : null;
    }

    public void Dispose() => _api.Dispose();
}

using System.Net;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vigil.Domain.Errors;
using Vigil.Storage;
using Vigil.Web;

namespace Vigil.Server.Tests.Security;

/// <summary>Issue 13, defect 6: limits that are what they say.</summary>
public sealed class LimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Upload_limits_are_the_documented_200_MB_everywhere()
    {
        using var api = new ApiFactory();
        _ = api.Server;
        var options = api.Services.GetRequiredService<ServerOptions>();
        var form = api.Services.GetRequiredService<IOptions<FormOptions>>().Value;

        Assert.Equal(200L * 1024 * 1024, options.MaxRequestBytes);
        Assert.Equal(options.MaxRequestBytes, form.MultipartBodyLengthLimit);
    }

    [Fact]
    public async Task An_upload_over_the_limit_gets_413_naming_the_file_field()
    {
        using var api = new ApiFactory();
        var form = new MultipartFormDataContent();
        var file = new BodyAndResponseBoundTests.ChunkedBody(201L * 1024 * 1024, "text/csv");
        form.Add(file, "file", "big.csv");

        var response = await api.Client(ApiRole.Admin).PostAsync("/api/v1/imports?format=vigil-csv", form, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("file: an upload may be at most 200 MB", await response.Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_request_limit_below_one_per_minute_is_refused_at_start(int perMinute)
    {
        var e = Assert.Throws<VigilException>(() => VigilServer.Build([], new ServerOptions { Database = "unused.db", RequestsPerMinute = perMinute }));
        Assert.Contains("requests-per-minute must be 1 or more", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_carries_Retry_After()
    {
        using var api = new ApiFactory(requestsPerMinute: 2);
        var viewer = api.Client(ApiRole.Viewer);

        HttpResponseMessage last = null!;
        for (var i = 0; i < 3; i++)
            last = await viewer.GetAsync("/api/v1/incidents", Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        var retry = last.Headers.RetryAfter?.Delta;
        Assert.NotNull(retry);
        Assert.InRange(retry!.Value.TotalSeconds, 1, 60);
    }

    [Fact]
    public async Task Requests_with_refused_keys_use_their_own_bucket_and_never_throttle_health_or_sign_in()
    {
        using var api = new ApiFactory(requestsPerMinute: 3);
        var bad = api.ClientWithKey("vgl_wrong");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
            statuses.Add((await bad.GetAsync("/api/v1/incidents", Ct)).StatusCode);
        var anonymous = api.Client(null);

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/signin", Ct)).StatusCode);
        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.OK, (await bad.GetAsync("/health", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Client(ApiRole.Viewer).GetAsync("/api/v1/incidents", Ct)).StatusCode);
    }
}

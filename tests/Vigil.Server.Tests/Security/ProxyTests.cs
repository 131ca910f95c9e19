using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace Vigil.Server.Tests.Security;

/// <summary>Issue 13, defect 12: behind a TLS proxy (the trusted-proxy option): Secure cookies, HSTS, no Host echo.</summary>
public sealed class ProxyTests : IDisposable
{
    private readonly ApiFactory _api = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpContext> Send(TestServer server, string from, bool forwardedHttps, string path = "/signin") =>
        await server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = path;
            c.Connection.RemoteIpAddress = IPAddress.Parse(from);
            if (forwardedHttps)
            {
                c.Request.Headers["X-Forwarded-Proto"] = "https";
                c.Request.Headers["X-Forwarded-For"] = "203.0.113.9";
            }
        }, Ct);

    [Fact]
    public async Task Behind_a_trusted_tls_proxy_cookies_are_Secure_and_HSTS_is_sent()
    {
        using var proxied = _api.WithWebHostBuilder(b => b.UseSetting("trusted-proxy", "10.0.0.7"));

        var trusted = await Send(proxied.Server, "10.0.0.7", forwardedHttps: true);
        var untrusted = await Send(proxied.Server, "10.0.0.8", forwardedHttps: true);

        Assert.Contains(trusted.Response.Headers.SetCookie, c => c!.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("max-age=31536000", trusted.Response.Headers.StrictTransportSecurity.ToString());
        Assert.DoesNotContain(untrusted.Response.Headers.SetCookie, c => c!.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(untrusted.Response.Headers.StrictTransportSecurity.ToString());
    }

    [Fact]
    public async Task Without_the_option_forwarded_headers_are_ignored_even_from_loopback()
    {
        var context = await Send(_api.Server, "127.0.0.1", forwardedHttps: true);

        Assert.Empty(context.Response.Headers.StrictTransportSecurity.ToString());
        Assert.DoesNotContain(context.Response.Headers.SetCookie, c => c!.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_openapi_server_address_does_not_echo_the_Host_header()
    {
        var client = _api.Client(null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/openapi.json");
        request.Headers.Host = "evil.example";

        var text = await (await client.SendAsync(request, Ct)).Text();

        Assert.DoesNotContain("evil.example", text, StringComparison.Ordinal);
        Assert.Contains("\"servers\"", text, StringComparison.Ordinal);
    }

    public void Dispose() => _api.Dispose();
}

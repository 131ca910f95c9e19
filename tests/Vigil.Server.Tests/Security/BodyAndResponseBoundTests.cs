using System.Net;
using System.Text.Json;

namespace Vigil.Server.Tests.Security;

/// <summary>Issue 13, defect 2: memory a viewer can exhaust, through bodies and through answers.</summary>
public sealed class BodyAndResponseBoundTests : IDisposable
{
    private readonly ApiFactory _api = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A body of <paramref name="bytes"/> bytes sent chunked (no Content-Length), produced as it is sent.</summary>
    internal sealed class ChunkedBody(long bytes, string mediaType) : HttpContent
    {
        public long Sent { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            var chunk = new byte[64 * 1024];
            chunk.AsSpan().Fill((byte)' ');
            chunk[0] = (byte)'[';
            try
            {
                while (Sent < bytes)
                {
                    var n = (int)Math.Min(chunk.Length, bytes - Sent);
                    await stream.WriteAsync(chunk.AsMemory(0, n));
                    Sent += n;
                    chunk[0] = (byte)' ';
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The server stopped reading: that is the point.
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
            return false;
        }
    }

    // In process the test server reads what the client sends; MemoryBoundTests measures a real server's memory.
    [Theory]
    [InlineData("/api/v1/claims/check", "application/json")]
    [InlineData("/api/v1/incidents", "application/json")]
    [InlineData("/api/v1/accountability/imports", "application/yaml")]
    public async Task Oversized_chunked_bodies_are_refused_with_413_before_they_are_read_whole(string path, string mediaType)
    {
        var body = new ChunkedBody(64L * 1024 * 1024, mediaType);
        var response = await _api.Client(Storage.ApiRole.Admin).PostAsync(path, body, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("at most", await response.Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/statistics/series?by=day&breakdown=district", "breakdown")]
    [InlineData("/api/v1/statistics/series?by=week&from=1900&to=2100&breakdown=perpetrator", "breakdown")]
    public async Task Unbounded_series_are_refused_with_a_400_saying_how_to_narrow_them(string url, string field)
    {
        _api.SeedUcdp();

        var response = await _api.Client(Storage.ApiRole.Viewer).GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Text()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Contains("narrow from/to", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bounded_series_is_still_answered()
    {
        _api.SeedUcdp();

        var response = await _api.Client(Storage.ApiRole.Viewer).GetAsync("/api/v1/statistics/series?by=month&breakdown=province", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public void Dispose() => _api.Dispose();
}

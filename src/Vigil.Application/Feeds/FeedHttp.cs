using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Vigil.Application.Feeds;

/// <summary>What a GET brought: the body (empty when not modified), the validators for the next request, and where it ended.</summary>
public sealed record Fetched(bool NotModified, byte[] Body, string? ContentType, string? ETag, string? LastModified, Uri FinalUri);

/// <summary>A request that failed, with a message that says why in a user's words (shown in the feed's status).</summary>
public sealed class FetchException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The one door through which Vigil reads the web: GET with a timeout per attempt, retries with exponential backoff
/// (Microsoft.Extensions.Http.Resilience), conditional requests, a size limit read as the bytes arrive, a bounded
/// redirect chain, and no private addresses unless allowed.
/// </summary>
public sealed class FeedHttp : IDisposable
{
    private readonly HttpClient _client;
    private readonly FeedOptions _options;

    public FeedHttp(FeedOptions options)
    {
        _options = options;
        var sockets = new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = options.MaxRedirects,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = options.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = ConnectAsync,
        };
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(options.Retries, 1),
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(options.Retries > 0 && Retry(args.Outcome)),
            })
            .AddTimeout(options.Timeout)
            .Build();
        _client = new HttpClient(new ResilienceHandler(pipeline) { InnerHandler = sockets }) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
    }

    /// <summary>GETs <paramref name="uri"/>, at most <paramref name="maxBytes"/> of body, conditionally when validators are given.</summary>
    public async Task<Fetched> GetAsync(Uri uri, long maxBytes, string? etag, string? lastModified, CancellationToken cancellationToken)
    {
        if (uri.Scheme is not ("http" or "https"))
            throw new FetchException($"{uri}: only http and https addresses are read");
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (etag is not null && EntityTagHeaderValue.TryParse(etag, out var tag))
            request.Headers.IfNoneMatch.Add(tag);
        if (lastModified is not null && DateTimeOffset.TryParse(lastModified, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var since))
            request.Headers.IfModifiedSince = since;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        HttpResponseMessage response;
        try
        {
            response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException or Polly.Timeout.TimeoutRejectedException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new FetchException(Describe(e));
        }
        using (response)
        {
            var final = response.RequestMessage?.RequestUri ?? uri;
            if (response.StatusCode == HttpStatusCode.NotModified)
                return new Fetched(true, [], null, etag, lastModified, final);
            if ((int)response.StatusCode is >= 300 and < 400)
                throw new FetchException($"redirected more than {_options.MaxRedirects} times (a redirect loop?); last at {final}");
            if (!response.IsSuccessStatusCode)
                throw new FetchException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            if (response.Content.Headers.ContentLength is { } length && length > maxBytes)
                throw new FetchException($"{Size(length)}, over the {Size(maxBytes)} limit");
            timeout.CancelAfter(_options.Timeout);
            var body = await ReadLimitedAsync(response.Content, maxBytes, cancellationToken, timeout.Token);
            return new Fetched(false, body, response.Content.Headers.ContentType?.ToString(), response.Headers.ETag?.ToString(),
                response.Content.Headers.LastModified?.ToString("R"), final);
        }
    }

    private async Task<byte[]> ReadLimitedAsync(HttpContent content, long maxBytes, CancellationToken caller, CancellationToken timeout)
    {
        try
        {
            await using var stream = await content.ReadAsStreamAsync(timeout);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, timeout)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                    throw new FetchException($"more than the {Size(maxBytes)} limit; stopped reading");
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
        catch (OperationCanceledException) when (!caller.IsCancellationRequested)
        {
            throw new FetchException($"timed out after {_options.Timeout.TotalSeconds:0.#} s reading the body");
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new FetchException(Describe(e));
        }
    }

    private string Describe(Exception e) => e switch
    {
        Polly.Timeout.TimeoutRejectedException or TaskCanceledException => $"timed out after {_options.Timeout.TotalSeconds:0.#} s (tried {_options.Retries + 1} times)",
        HttpRequestException { InnerException: FetchException f } => f.Message,
        HttpRequestException h when h.HttpRequestError == HttpRequestError.ConnectionError => $"could not connect: {h.InnerException?.Message ?? h.Message}",
        _ => e.InnerException is { } inner && e.Message.Length < 40 ? $"{e.Message} ({inner.Message})" : e.Message,
    };

    private static bool Retry(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException { InnerException: FetchException } } => false,
        { Exception: HttpRequestException or Polly.Timeout.TimeoutRejectedException } => true,
        { Result: { } r } => (int)r.StatusCode >= 500 || r.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests,
        _ => false,
    };

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
        if (!_options.AllowPrivateAddresses && addresses.FirstOrDefault(IsPrivate) is { } refused)
            throw new FetchException($"{context.DnsEndPoint.Host} is a private or local address ({refused}); this server does not read those");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Loopback, private (RFC 1918, unique local), link-local, carrier-grade NAT and unspecified addresses.</summary>
    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
            return true;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal;
        var b = address.GetAddressBytes();
        return b[0] == 10 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] is >= 64 and <= 127) || b[0] == 0;
    }

    private static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : $"{bytes / 1024.0:0.#} KB";

    public void Dispose() => _client.Dispose();
}

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Vigil.Domain.Errors;

namespace Vigil.Application.Imports;

/// <summary>How long a download may take, how large it may be, and how many redirects it may follow.</summary>
public sealed record DownloadLimits(TimeSpan Timeout, long MaxBytes, int MaxRedirects = 5)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);
    public const long DefaultMaxBytes = 1L << 30;

    /// <summary>A size such as <c>1GB</c>, <c>500MB</c>, <c>64KB</c> or a number of bytes (units of 1,024); null when it is not one.</summary>
    public static long? ParseSize(string text)
    {
        var t = text.Trim();
        var (unit, digits) = t.ToUpperInvariant() switch
        {
            var u when u.EndsWith("GB", StringComparison.Ordinal) => (1L << 30, t[..^2]),
            var u when u.EndsWith("MB", StringComparison.Ordinal) => (1L << 20, t[..^2]),
            var u when u.EndsWith("KB", StringComparison.Ordinal) => (1L << 10, t[..^2]),
            var u when u.EndsWith('B') => (1L, t[..^1]),
            _ => (1L, t),
        };
        return long.TryParse(digits.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 && n <= long.MaxValue / unit
            ? n * unit
            : null;
    }
}

/// <summary>
/// <c>vigil import URL</c>: an http or https URL fetched to a temporary file, which is then imported as a file would
/// be. The download keeps to its <see cref="DownloadLimits"/> (a time limit over the whole download, a size limit on the
/// declared length and on the bytes as they arrive, redirects followed by hand so that a loop is told as one); any
/// other answer than a 2xx is an error naming its status and the URL. A URL is shown without its password or the values
/// of query parameters that look like credentials (ACLED's API takes <c>key</c> and <c>email</c>).
/// </summary>
public static class UrlDownload
{
    /// <summary>Whether a command-line argument is a URL (it has a scheme and <c>://</c>) rather than a path.</summary>
    public static bool IsUrl(string argument)
    {
        var colon = argument.IndexOf("://", StringComparison.Ordinal);
        return colon > 1 && argument[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.') && char.IsAsciiLetter(argument[0]);
    }

    /// <summary>Why a URL cannot be downloaded (a scheme other than http or https, or not a URL at all), or null when it can.</summary>
    public static string? Problem(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return $"'{url}' is not a valid URL";
        if (uri.Scheme is not ("http" or "https"))
            return $"{Shown(uri)}: the '{uri.Scheme}' scheme is not supported; give an http:// or https:// URL, or a file path";
        return null;
    }

    /// <summary>Downloads <paramref name="url"/> to a temporary file, deleted when the result is disposed (and on any failure).</summary>
    /// <exception cref="VigilException">The URL cannot be downloaded within the limits; the message says why.</exception>
    public static DownloadedFile Fetch(string url, DownloadLimits limits, CancellationToken cancellationToken = default)
    {
        if (Problem(url) is { } problem)
            throw new VigilException(problem);
        var uri = new Uri(url);
        var shown = Shown(uri);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limits.Timeout);
        using var http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = limits.Timeout,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("vigil", "0.1"));
        var folder = Directory.CreateTempSubdirectory("vigil-download-");
        try
        {
            using var response = Follow(http, uri, shown, limits, timeout.Token);
            var path = Path.Combine(folder.FullName, FileName(response, response.RequestMessage?.RequestUri ?? uri));
            Save(response, path, shown, limits.MaxBytes, timeout.Token);
            return new DownloadedFile(path, shown, folder.FullName);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            folder.Delete(recursive: true);
            throw new VigilException($"{shown}: no complete answer within {limits.Timeout.TotalSeconds:0.###} s (the --timeout limit); nothing was imported");
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            folder.Delete(recursive: true);
            throw new VigilException($"{shown}: cannot download: {e.Message}");
        }
        catch
        {
            folder.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>Sends the request, following redirects by hand; the answer is a 2xx one.</summary>
    private static HttpResponseMessage Follow(HttpClient http, Uri uri, string shown, DownloadLimits limits, CancellationToken ct)
    {
        var visited = new List<Uri> { uri };
        while (true)
        {
            var response = http.Send(new HttpRequestMessage(HttpMethod.Get, uri), HttpCompletionOption.ResponseHeadersRead, ct);
            var status = (int)response.StatusCode;
            if (status is >= 200 and < 300)
                return response;
            using (response)
            {
                var location = response.Headers.Location;
                if (status is not (301 or 302 or 303 or 307 or 308) || location is null)
                    throw new VigilException($"{Shown(uri)}: the server answered {status} {response.ReasonPhrase}{(uri == visited[0] ? "" : $" (redirected from {shown})")}; nothing was imported");
                var next = location.IsAbsoluteUri ? location : new Uri(uri, location);
                if (next.Scheme is not ("http" or "https"))
                    throw new VigilException($"{shown}: redirected to {Shown(next)}, which is not an http or https URL");
                if (visited.Contains(next))
                    throw new VigilException($"{shown}: a redirect loop ({string.Join(" -> ", visited.Append(next).Select(Shown))})");
                if (visited.Count > limits.MaxRedirects)
                    throw new VigilException($"{shown}: more than {limits.MaxRedirects} redirects (the last to {Shown(next)})");
                visited.Add(next);
                uri = next;
            }
        }
    }

    private static void Save(HttpResponseMessage response, string path, string shown, long maxBytes, CancellationToken ct)
    {
        if (response.Content.Headers.ContentLength is { } declared && declared > maxBytes)
            throw new VigilException($"{shown}: the answer is {declared:N0} bytes, over the --max-size limit of {maxBytes:N0} bytes; nothing was imported");
        using var body = response.Content.ReadAsStream(ct);
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        var buffer = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = body.ReadAsync(buffer, ct).AsTask().GetAwaiter().GetResult()) > 0)
        {
            total += n;
            if (total > maxBytes)
                throw new VigilException($"{shown}: the answer is larger than the --max-size limit of {maxBytes:N0} bytes; the download was stopped and nothing was imported");
            file.Write(buffer, 0, n);
        }
    }

    /// <summary>The name the server gives the file (Content-Disposition), else the last segment of the URL's path.</summary>
    private static string FileName(HttpResponseMessage response, Uri uri)
    {
        var disposition = response.Content.Headers.ContentDisposition;
        var named = disposition?.FileNameStar ?? disposition?.FileName;
        foreach (var candidate in new[] { named?.Trim('"'), Uri.UnescapeDataString(uri.AbsolutePath.TrimEnd('/').Split('/')[^1]) })
        {
            var name = Path.GetFileName(candidate ?? "");
            name = string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || char.IsControl(c) ? '_' : c)).Trim('.', ' ');
            if (name.Length > 0)
                return name.Length > 120 ? name[^120..] : name;
        }
        return "download";
    }

    private static readonly string[] Secret = ["key", "token", "secret", "password", "passwd", "pass", "auth", "sig", "signature", "email", "credential"];

    /// <summary>The URL without a password or the values of query parameters that look like credentials.</summary>
    public static string Shown(Uri uri)
    {
        var builder = new UriBuilder(uri) { UserName = "", Password = "" };
        if (uri.Query.Length > 1)
        {
            var parts = uri.Query[1..].Split('&').Select(part =>
            {
                var eq = part.IndexOf('=');
                var name = eq < 0 ? part : part[..eq];
                return eq >= 0 && Secret.Any(s => name.Contains(s, StringComparison.OrdinalIgnoreCase)) ? name + "=***" : part;
            });
            builder.Query = string.Join("&", parts);
        }
        return builder.Uri.AbsoluteUri;
    }
}

/// <summary>A downloaded file in its own temporary folder, deleted on <see cref="Dispose"/>.</summary>
public sealed class DownloadedFile(string path, string source, string folder) : IDisposable
{
    /// <summary>Where the file is, under the name the server gave it.</summary>
    public string Path { get; } = path;

    /// <summary>The URL it came from, as shown in messages and recorded with the import (credentials hidden).</summary>
    public string Source { get; } = source;

    public void Dispose()
    {
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }
}

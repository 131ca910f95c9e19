namespace Vigil.Application.Feeds;

/// <summary>
/// The limits of reading feeds and their pages. Every request has a timeout per attempt and is retried with backoff
/// when the server fails or does not answer; a body over its size limit, a redirect chain longer than
/// <see cref="MaxRedirects"/> or an answer that is not a feed is an error of that feed, recorded in its status.
/// </summary>
public sealed record FeedOptions
{
    /// <summary>How long one attempt may take, headers and body.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Retries after a failed attempt (a 5xx, 408 or 429 answer, a refused connection, a timeout).</summary>
    public int Retries { get; init; } = 2;

    /// <summary>The first retry's delay; each next one doubles it (with jitter).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    public long MaxFeedBytes { get; init; } = 10L * 1024 * 1024;

    public long MaxPageBytes { get; init; } = 5L * 1024 * 1024;

    public int MaxRedirects { get; init; } = 5;

    /// <summary>
    /// Let feeds and pages be read from loopback, private and link-local addresses. Off by default: a server that
    /// fetches what it is told must not be turned against the network it stands in.
    /// </summary>
    public bool AllowPrivateAddresses { get; init; }

    /// <summary>How many times an item's page is tried before the item is given up.</summary>
    public int ItemAttempts { get; init; } = 3;

    /// <summary>How many feeds are read at once.</summary>
    public int Parallel { get; init; } = 4;

    /// <summary>The shortest interval a feed may be polled at.</summary>
    public TimeSpan MinEvery { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait before a failing feed is tried again (the wait doubles per failure, up to its interval).</summary>
    public TimeSpan FirstRetry { get; init; } = TimeSpan.FromMinutes(1);

    public string UserAgent { get; init; } = "Vigil feed reader (+https://github.com/vigil)";
}

namespace Vigil.Web;

/// <summary>How the server runs: which database, who may read without a key, and its limits.</summary>
public sealed record ServerOptions
{
    /// <summary>The database: a SQLite file, or a PostgreSQL address (see DatabaseLocation).</summary>
    public required string Database { get; init; }

    /// <summary>Let requests without a key read (never write). Off by default.</summary>
    public bool AnonymousRead { get; init; }

    /// <summary>Requests per minute per key (or per address without a key).</summary>
    public int RequestsPerMinute { get; init; } = 600;

    /// <summary>The largest page of incidents a request may ask for.</summary>
    public int MaxPageSize { get; init; } = 500;

    /// <summary>The largest request body, bytes (imports are uploads).</summary>
    public long MaxRequestBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>The largest JSON body of an ordinary write, bytes.</summary>
    public long MaxJsonBytes { get; init; } = 1024 * 1024;

    /// <summary>How long a dashboard sign-in lasts (the session also ends when its key is revoked).</summary>
    public TimeSpan SessionLifetime { get; init; } = TimeSpan.FromHours(12);

    /// <summary>
    /// Addresses of reverse proxies whose X-Forwarded-For/-Proto/-Host headers are believed (e.g. a TLS proxy
    /// on 127.0.0.1). Empty (the default): forwarded headers are ignored.
    /// </summary>
    public IReadOnlyList<string> TrustedProxies { get; init; } = [];

    /// <summary>How many days after today an incident may be dated (time zones, a report filed tomorrow).</summary>
    public int FutureDaysAllowed { get; init; } = 2;

    /// <summary>The latest date a write may carry today (see <see cref="FutureDaysAllowed"/>), today from <paramref name="clock"/>.</summary>
    public Application.Incidents.DateLimit DateLimit(TimeProvider clock) => Application.Incidents.DateLimit.From(clock, FutureDaysAllowed);

    /// <summary>The limits of reading news feeds and their pages.</summary>
    public Application.Feeds.FeedOptions Feeds { get; init; } = new();

    /// <summary>Poll the watched feeds in the background (on by default; off leaves polling to `vigil feeds poll`).</summary>
    public bool PollFeeds { get; init; } = true;

    /// <summary>How often the background poller looks for feeds that are due and items to process.</summary>
    public TimeSpan FeedTick { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Requests slower than this are logged (event 4001 "slow request").</summary>
    public long SlowRequestMilliseconds { get; init; } = 1000;
}

using Vigil.Application.Feeds;
using Vigil.Application.Reference;
using Vigil.Storage;
using Vigil.Storage.Backends;
using Vigil.TestSupport;
using Vigil.TestSupport.Web;

namespace Vigil.Server.Tests.Feeds;

/// <summary>
/// A loopback site serving fixture feeds and pages, a SQLite database, a clock the test moves, and the real poller with
/// short limits (so that a timeout costs a fraction of a second).
/// </summary>
public sealed class FeedRig : IAsyncDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FeedHttp _http;

    private FeedRig(LoopbackSite site, FeedOptions options)
    {
        Site = site;
        Options = options;
        Database = _dir.File("feeds.db");
        _http = new FeedHttp(options);
        Poller = new FeedPoller(Open, ReferenceData.Bundled, _http, options, Clock);
    }

    public LoopbackSite Site { get; }

    public FeedOptions Options { get; }

    public string Database { get; }

    public TestClock Clock { get; } = new();

    public FeedPoller Poller { get; }

    public static async Task<FeedRig> StartAsync(FeedOptions? options = null) =>
        new(await LoopbackSite.StartAsync(TestContext.Current.CancellationToken), options ?? new FeedOptions
        {
            Timeout = TimeSpan.FromMilliseconds(800),
            Retries = 1,
            RetryDelay = TimeSpan.FromMilliseconds(20),
            AllowPrivateAddresses = true,
        });

    public IVigilDatabase Open() => DatabaseLocation.Parse(Database).Open(Clock);

    public FeedStatus Watch(string path, string name, string every = "30m")
    {
        using var db = Open();
        return new FeedWatch(db, Options, Clock).Add(Site.Url(path).ToString(), name, every, "test");
    }

    /// <summary>Serves story <paramref name="story"/> of <see cref="FeedFixtures.Stories"/> as an outlet's page at <paramref name="path"/>.</summary>
    public void Page(string path, string outlet, int story, string layout = "a") =>
        Site.Text(path, FeedFixtures.Page(outlet, Title(story), FeedFixtures.Stories[story], layout), "text/html; charset=utf-8");

    public static string Title(int story) => $"Story {story + 1}: " + FeedFixtures.Stories[story][0].Split(' ').Take(6).Aggregate((a, b) => a + " " + b);

    public FixtureItem Item(int story, string path, string? guid = null) =>
        new(guid, Site.Url(path).ToString(), Title(story), new DateTimeOffset(2026, 11, 2 + story, 8, 0, 0, TimeSpan.Zero), "Summary: " + FeedFixtures.Stories[story][0]);

    public async Task<(IReadOnlyList<FeedPollResult> Polls, ItemsProcessed Items)> RunDueAsync() =>
        await Poller.RunDueAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Site.DisposeAsync();
        _dir.Dispose();
    }
}

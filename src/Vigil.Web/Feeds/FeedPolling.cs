using Vigil.Application.Feeds;
using Vigil.Application.Reference;
using Vigil.Web;
using Vigil.Web.Stores;

namespace Vigil.Web.Feeds;

/// <summary>
/// The server's background poller: every tick (and at once when a feed is added or a poll asked for) it reads the feeds
/// that are due and processes the items waiting, as <see cref="FeedPoller"/> does. It starts with the items a stopped
/// process left pending. Its errors are logged and polling goes on.
/// </summary>
public sealed partial class FeedPolling : BackgroundService
{
    private readonly FeedHttp _http;
    private readonly ServerOptions _options;
    private readonly ILogger<FeedPolling> _log;
    private readonly SemaphoreSlim _wake = new(0, 1);

    public FeedPolling(StoreAccess stores, ReferenceData reference, ServerOptions options, TimeProvider clock, ILogger<FeedPolling> log)
    {
        _options = options;
        _log = log;
        _http = new FeedHttp(options.Feeds);
        Poller = new FeedPoller(stores.Open, reference, _http, options.Feeds, clock);
    }

    /// <summary>The poller the API's "poll now" uses too (one set of limits, one database gate).</summary>
    public FeedPoller Poller { get; }

    /// <summary>Polls without waiting for the next tick (a feed was added).</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // woken already
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.PollFeeds)
            return;
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (polls, items) = await Poller.RunDueAsync(stoppingToken);
                foreach (var failed in polls.Where(p => !p.Ok))
                    LogFailure(failed.Name, failed.Error ?? "");
                if (polls.Count > 0 || items.Total > 0)
                    LogRound(polls.Count, polls.Sum(p => p.NewItems), items.Articles, items.Repeats, items.Failed);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                LogError(e);
            }
            try
            {
                await _wake.WaitAsync(_options.FeedTick, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public override void Dispose()
    {
        _http.Dispose();
        _wake.Dispose();
        base.Dispose();
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "feed {Feed}: {Error}")]
    private partial void LogFailure(string feed, string error);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "feeds: {Feeds} read, {Items} new items; {Articles} articles queued, {Repeats} repeats, {Failed} items failed")]
    private partial void LogRound(int feeds, int items, int articles, int repeats, int failed);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Error, Message = "feed polling failed; it goes on at the next tick")]
    private partial void LogError(Exception e);
}

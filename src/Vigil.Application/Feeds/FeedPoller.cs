using System.Globalization;
using Vigil.Application.News;
using Vigil.Application.Reference;
using Vigil.Extraction.Input;
using Vigil.Storage;

namespace Vigil.Application.Feeds;

/// <summary>What one poll of a feed did: new items stored, or the error recorded in its status.</summary>
public sealed record FeedPollResult(long FeedId, string Name, bool Ok, bool NotModified, int NewItems, string? Error);

/// <summary>What processing the stored items did: new articles queued, repeats recorded as sources, items failed or to retry.</summary>
public sealed record ItemsProcessed(int Articles, int Repeats, int Failed, int Retrying)
{
    public int Total => Articles + Repeats + Failed + Retrying;
}

/// <summary>
/// Reads the feeds and processes what they bring. A poll stores each new item before anything else is done with it; then
/// each stored item's page is fetched with the same limits, its main text taken out (<see cref="PageText"/>) and received
/// like a pushed article (<see cref="NewsIntake"/>: a repeat of a kept article — same address, GUID or text — is another
/// source of it, a new one is extracted and queued for review with its kind), and the item marked done. A process that
/// stops between the steps loses nothing: pending items are processed on the next round, and receiving an item twice
/// records its source once. Feeds are read in parallel; one that fails is recorded and tried again later, sooner than
/// its interval at first and backing off, while the others go on.
/// </summary>
public sealed class FeedPoller(Func<IVigilDatabase> open, ReferenceData reference, FeedHttp http, FeedOptions options, TimeProvider clock)
{
    private readonly SemaphoreSlim _database = new(1, 1);
    private IVigilDatabase? _db;

    /// <summary>Polls every feed that is due, then processes the pending items.</summary>
    public async Task<(IReadOnlyList<FeedPollResult> Polls, ItemsProcessed Items)> RunDueAsync(CancellationToken cancellationToken)
    {
        var due = await WithDatabaseAsync(db => db.Feeds.Due(clock.GetUtcNow()));
        var polls = await PollAsync(due, cancellationToken);
        return (polls, await ProcessPendingAsync(null, cancellationToken));
    }

    /// <summary>Reads the feeds given (due or not), storing their new items.</summary>
    public async Task<IReadOnlyList<FeedPollResult>> PollAsync(IReadOnlyList<FeedStatus> feeds, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadFeedsAsync(feeds, cancellationToken);
        }
        finally
        {
            await CloseAsync();
        }
    }

    private async Task<IReadOnlyList<FeedPollResult>> ReadFeedsAsync(IReadOnlyList<FeedStatus> feeds, CancellationToken cancellationToken)
    {
        var results = new FeedPollResult[feeds.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, feeds.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Parallel, CancellationToken = cancellationToken },
            async (i, token) => results[i] = await PollOneAsync(feeds[i], token));
        return results;
    }

    private async Task<FeedPollResult> PollOneAsync(FeedStatus feed, CancellationToken cancellationToken)
    {
        try
        {
            var fetched = await http.GetAsync(new Uri(feed.Url), options.MaxFeedBytes, feed.ETag, feed.LastModified, cancellationToken);
            var items = fetched.NotModified ? [] : FeedParser.Items(fetched.Body, fetched.FinalUri);
            var added = await WithDatabaseAsync(db => db.Feeds.RecordSuccess(feed.Id, items, fetched.ETag, fetched.LastModified, clock.GetUtcNow()));
            return new FeedPollResult(feed.Id, feed.Name, true, fetched.NotModified, added, null);
        }
        catch (FetchException e)
        {
            var now = clock.GetUtcNow();
            var retry = RetryAfter(feed);
            await WithDatabaseAsync(db =>
            {
                db.Feeds.RecordFailure(feed.Id, e.Message, now, now + retry);
                return 0;
            });
            return new FeedPollResult(feed.Id, feed.Name, false, false, 0, e.Message);
        }
    }

    /// <summary>The wait before a failing feed is read again: the first retry's wait, doubled per failure in a row, at most the feed's interval.</summary>
    public TimeSpan RetryAfter(FeedStatus feed)
    {
        var wait = options.FirstRetry * Math.Pow(2, Math.Min(feed.Failures, 16));
        return wait < feed.Every ? wait : feed.Every;
    }

    /// <summary>The wait before an item whose page failed is tried again: the first retry's wait, doubled per attempt made.</summary>
    public TimeSpan ItemRetryAfter(int attemptsMade) => options.FirstRetry * Math.Pow(2, Math.Min(attemptsMade, 16));

    /// <summary>
    /// Processes the pending items (of one feed, or all), each once in this round, oldest first: those whose retry time has
    /// come, or — when <paramref name="retryNow"/> (an admin's "read now") — every pending item.
    /// </summary>
    public async Task<ItemsProcessed> ProcessPendingAsync(long? feedId, CancellationToken cancellationToken, bool retryNow = false)
    {
        try
        {
            return await ProcessItemsAsync(feedId, retryNow, cancellationToken);
        }
        finally
        {
            await CloseAsync();
        }
    }

    private async Task<ItemsProcessed> ProcessItemsAsync(long? feedId, bool retryNow, CancellationToken cancellationToken)
    {
        var feeds = (await WithDatabaseAsync(db => db.Feeds.List())).ToDictionary(f => f.Id);
        int articles = 0, repeats = 0, failed = 0, retrying = 0;
        long after = 0;
        while (true)
        {
            var batch = await WithDatabaseAsync(db => db.Feeds.Pending(32, retryNow ? null : clock.GetUtcNow(), after, feedId));
            if (batch.Count == 0)
                break;
            after = batch[^1].Id;
            // Each item is received as soon as its page is read: a slow page holds up no other item.
            await Parallel.ForEachAsync(batch.Where(i => feeds.ContainsKey(i.FeedId)),
                new ParallelOptions { MaxDegreeOfParallelism = options.Parallel, CancellationToken = cancellationToken },
                async (item, token) =>
                {
                    var outcome = await ProcessAsync(feeds[item.FeedId], item, token);
                    _ = outcome switch
                    {
                        Outcome.Article => Interlocked.Increment(ref articles),
                        Outcome.Repeat => Interlocked.Increment(ref repeats),
                        Outcome.Failed => Interlocked.Increment(ref failed),
                        _ => Interlocked.Increment(ref retrying),
                    };
                });
        }
        return new ItemsProcessed(articles, repeats, failed, retrying);
    }

    private enum Outcome { Article, Repeat, Failed, Retry }

    /// <summary>The item's text: its page's main text, or — when it links no page, or its page failed on the last attempt — the feed's own summary.</summary>
    private async Task<(string? Text, string? Title, string? Error)> ReadAsync(StoredFeedItem item, CancellationToken cancellationToken)
    {
        if (item.Item.Link is not { } link || !Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return (item.Item.Summary, null, item.Item.Summary is null ? "no text: the item links no page and has no summary" : null);
        try
        {
            var page = await http.GetAsync(uri, options.MaxPageBytes, null, null, cancellationToken);
            if (!PageText.IsText(page.ContentType))
            {
                // A PDF, an image, a video: not a page Vigil reads. The feed's summary stands in for it, at once.
                return string.IsNullOrWhiteSpace(item.Item.Summary)
                    ? (null, null, $"no text: page {link} is {page.ContentType}, not a web page")
                    : (item.Item.Summary, null, null);
            }
            var (text, title) = PageText.Of(page.FinalUri, page.Body, page.ContentType);
            return (text, title, null);
        }
        catch (FetchException e)
        {
            var error = $"page {link}: {e.Message}";
            return item.Attempts + 1 >= options.ItemAttempts && !string.IsNullOrWhiteSpace(item.Item.Summary)
                ? (item.Item.Summary, null, null)
                : (null, null, error);
        }
    }

    /// <summary>
    /// One item: its text read, a repeat looked for, a new article extracted — reading and extraction outside the database
    /// gate, so that items are read in parallel — then received and the item marked done in the gate.
    /// </summary>
    private async Task<Outcome> ProcessAsync(FeedStatus feed, StoredFeedItem item, CancellationToken cancellationToken)
    {
        var read = await ReadAsync(item, cancellationToken);
        if (string.IsNullOrWhiteSpace(read.Text))
        {
            var final = read.Error is null || item.Attempts + 1 >= options.ItemAttempts || read.Error.StartsWith("no text", StringComparison.Ordinal);
            await WithDatabaseAsync(db =>
            {
                var now = clock.GetUtcNow();
                db.Feeds.ItemFailed(item.Id, read.Error ?? "no text on the page", final ? null : now + ItemRetryAfter(item.Attempts), now);
                return 0;
            });
            return final ? Outcome.Failed : Outcome.Retry;
        }
        var published = item.Item.Published is { Length: >= 10 } p
            && DateOnly.TryParseExact(p[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : (DateOnly?)null;
        var article = new Article(item.Item.Guid ?? $"feed:{feed.Id}:{item.Item.Key}", read.Text, published, feed.Name, item.Item.Link,
            item.Item.Title ?? read.Title);
        var incoming = NewsIntake.Incoming(article, item.Item.Guid);
        var repeat = await WithDatabaseAsync(db => db.Candidates.FindRepeat(incoming.Url, item.Item.Guid, incoming.ContentHash));
        var (kept, candidates) = repeat is null ? NewsIntake.Read(reference, incoming) : (incoming.Bare, []);
        var receipt = await WithDatabaseAsync(db =>
        {
            var r = db.Candidates.Receive(kept, incoming.Source, candidates, $"feed:{feed.Id}");
            db.Feeds.ItemDone(item.Id, r.ArticleRef, clock.GetUtcNow());
            return r;
        });
        return receipt.Duplicate ? Outcome.Repeat : Outcome.Article;
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the poller's connection, one piece of work at a time. The connection is opened on
    /// first use and kept for the round (opening one per item cost more than the item's own writes); a failure closes it,
    /// and <see cref="CloseAsync"/> closes it when a round ends, so nothing is held between rounds.
    /// </summary>
    private async Task<T> WithDatabaseAsync<T>(Func<IVigilDatabase, T> work)
    {
        await _database.WaitAsync();
        try
        {
            _db ??= open();
            return work(_db);
        }
        catch
        {
            _db?.Dispose();
            _db = null;
            throw;
        }
        finally
        {
            _database.Release();
        }
    }

    private async Task CloseAsync()
    {
        await _database.WaitAsync();
        _db?.Dispose();
        _db = null;
        _database.Release();
    }
}

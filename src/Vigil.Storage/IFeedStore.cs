namespace Vigil.Storage;

/// <summary>
/// The news feeds the server watches (RSS, Atom, JSON Feed) and the items read from them. An item is stored the
/// moment its feed is read, before its page is fetched or its text extracted, so that nothing read is lost when the
/// process stops: processing resumes from the stored items.
/// </summary>
public interface IFeedStore
{
    /// <summary>Watches a feed; refused (a <see cref="Domain.Errors.FieldException"/> on url) when the address is watched already.</summary>
    FeedStatus Add(string url, string name, TimeSpan every, string by, DateTimeOffset now);

    /// <summary>The feeds watched, by id, each with its status.</summary>
    IReadOnlyList<FeedStatus> List();

    /// <summary>One watched feed, or null.</summary>
    FeedStatus? Get(long id);

    /// <summary>Stops watching a feed (its items and the articles read from them are kept). False when there is no such feed.</summary>
    bool Remove(long id, string by, DateTimeOffset now);

    /// <summary>The feeds whose next poll is due at <paramref name="now"/>.</summary>
    IReadOnlyList<FeedStatus> Due(DateTimeOffset now);

    /// <summary>
    /// Records a successful read in one transaction: the items not seen before are stored as pending (an item is known by
    /// its feed and <see cref="NewFeedItem.Key"/>), the validators kept for the next conditional request, the next poll
    /// set one interval on. Returns how many items were new.
    /// </summary>
    int RecordSuccess(long feedId, IReadOnlyList<NewFeedItem> items, string? etag, string? lastModified, DateTimeOffset now);

    /// <summary>Records a failed read: the error, one more failure in a row, and when to try again.</summary>
    void RecordFailure(long feedId, string error, DateTimeOffset now, DateTimeOffset retryAt);

    /// <summary>
    /// Items of watched feeds waiting to be processed (pending) whose retry time, if any, has come by <paramref name="now"/>
    /// (null: every pending item, retry times or not), oldest first, after <paramref name="afterId"/>, optionally of one feed.
    /// </summary>
    IReadOnlyList<StoredFeedItem> Pending(int limit, DateTimeOffset? now, long afterId = 0, long? feedId = null);

    /// <summary>Marks an item processed: the article it became (null when it had no text to read).</summary>
    void ItemDone(long itemId, long? articleRef, DateTimeOffset now);

    /// <summary>
    /// Records a failed attempt at an item: it stays pending until <paramref name="retryAt"/>, or, when that is null, it
    /// is given up (state failed).
    /// </summary>
    void ItemFailed(long itemId, string error, DateTimeOffset? retryAt, DateTimeOffset now);

    /// <summary>A feed's latest items, newest first.</summary>
    IReadOnlyList<StoredFeedItem> Items(long feedId, int limit);
}

/// <summary>
/// A watched feed and how its polling goes: when it was last read and last read well, the last error, how many
/// failures in a row, how many items it has brought, how many wait to be processed, and when it is read next.
/// </summary>
public sealed record FeedStatus(long Id, string Url, string Name, TimeSpan Every, string AddedAt, string AddedBy)
{
    public string? ETag { get; init; }
    public string? LastModified { get; init; }
    public string? LastPolledAt { get; init; }
    public string? LastSuccessAt { get; init; }
    public string? LastError { get; init; }
    public string? LastErrorAt { get; init; }
    public int Failures { get; init; }
    public long ItemsSeen { get; init; }
    public long ItemsPending { get; init; }
    public long ItemsFailed { get; init; }
    public required string NextPollAt { get; init; }
}

/// <summary>An item as a feed lists it; <paramref name="Key"/> is its GUID, else its address, else a hash of its title and date.</summary>
public sealed record NewFeedItem(string Key, string? Guid, string? Link, string? Title, string? Published, string? Summary);

/// <summary>A stored feed item and where its processing stands (pending, done, failed).</summary>
public sealed record StoredFeedItem(long Id, long FeedId, NewFeedItem Item, string State, int Attempts, string SeenAt)
{
    public string? Error { get; init; }
    /// <summary>When a pending item that failed is tried again.</summary>
    public string? RetryAt { get; init; }
    public long? ArticleRef { get; init; }
    public string? ProcessedAt { get; init; }
}

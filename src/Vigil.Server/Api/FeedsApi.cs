using Vigil.Application.Feeds;
using Vigil.Domain.Errors;
using Vigil.Server.Infrastructure;
using Vigil.Storage;
using Vigil.Web;
using Vigil.Web.Auth;
using Vigil.Web.Feeds;
using Vigil.Web.Stores;

namespace Vigil.Server.Api;

/// <summary>
/// /api/v1/feeds (admin): the news feeds the server watches — add, list with each one's status, remove, poll now. The
/// background poller reads each on its interval; new items' pages are read, de-duplicated and queued for review.
/// </summary>
public static class FeedsApi
{
    /// <summary>A feed to watch: its address (RSS, Atom or JSON Feed), a name (default: the host) and an interval (default 30m).</summary>
    [ApiInput]
    public sealed record NewFeed(string? Url, string? Name, string? Every);

    public static void MapFeeds(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/feeds").WithTags("feeds").RequireAuthorization(Policies.Admin);
        group.MapGet("/", (StoreAccess stores) =>
        {
            using var db = stores.Open();
            return Results.Ok(db.Feeds.List().Select(FeedAnswer.Of).ToList());
        }).WithSummary("The feeds watched, each with its status: last read, last read well, last error, failures in a row, items brought, pending and failed, next read.")
            .Produces<IReadOnlyList<FeedAnswer>>();
        group.MapGet("/{id:long}", (long id, StoreAccess stores) =>
        {
            using var db = stores.Open();
            return db.Feeds.Get(id) is { } feed
                ? Results.Ok(new FeedDetailAnswer(FeedAnswer.Of(feed), db.Feeds.Items(id, 50).Select(FeedItemAnswer.Of).ToList()))
                : Problems.NotFound($"feed {id}");
        }).WithSummary("One feed's status and its latest 50 items, each with where its processing stands (pending, done, failed) and the article it became.")
            .Produces<FeedDetailAnswer>().Fails(404);
        group.MapPost("/", Add).WithSummary("Watches a feed (RSS 2.0, Atom or JSON Feed); it is read at once, then on its interval.")
            .JsonBody<NewFeed>().Produces<FeedAnswer>(StatusCodes.Status201Created);
        group.MapDelete("/{id:long}", (long id, StoreAccess stores, TimeProvider clock, ServerOptions options, HttpContext context) =>
        {
            using var db = stores.Open();
            try
            {
                new FeedWatch(db, options.Feeds, clock).Remove(id, Actor.Of(context));
            }
            catch (NotFoundException e)
            {
                return Problems.NotFound(e);
            }
            context.Items[Actor.DetailKey] = $"feed {id} removed";
            return Results.NoContent();
        }).WithSummary("Stops watching a feed (the articles read from it stay).").Produces(StatusCodes.Status204NoContent).Fails(404);
        group.MapPost("/{id:long}/poll", PollAsync)
            .WithSummary("Reads a feed now and processes its pending items; answers what the read and the processing did (an error of the feed is an answer, not a failure of the request).")
            .Produces<FeedPollAnswer>().Fails(404);
    }

    private static async Task<IResult> Add(HttpContext context, StoreAccess stores, TimeProvider clock, ServerOptions options, FeedPolling polling)
    {
        var (input, problem) = await JsonBody.ReadAsync<NewFeed>(context);
        if (problem is not null)
            return problem;
        using var db = stores.Open();
        FeedStatus feed;
        try
        {
            feed = new FeedWatch(db, options.Feeds, clock).Add(input!.Url, input.Name, input.Every, Actor.Of(context));
        }
        catch (FieldException e)
        {
            return Problems.Field(e.Field, e.Problem);
        }
        context.Items[Actor.DetailKey] = $"feed {feed.Id} ({feed.Url}) added";
        polling.Wake();
        return Results.Created($"/api/v1/feeds/{feed.Id}", FeedAnswer.Of(feed));
    }

    private static async Task<IResult> PollAsync(long id, StoreAccess stores, FeedPolling polling, HttpContext context)
    {
        FeedStatus? feed;
        using (var db = stores.Open())
            feed = db.Feeds.Get(id);
        if (feed is null)
            return Problems.NotFound($"feed {id}");
        var poll = (await polling.Poller.PollAsync([feed], context.RequestAborted))[0];
        var items = await polling.Poller.ProcessPendingAsync(id, context.RequestAborted, retryNow: true);
        using (var db = stores.Open())
            feed = db.Feeds.Get(id) ?? feed;
        context.Items[Actor.DetailKey] = $"feed {id} polled";
        return Results.Ok(new FeedPollAnswer(FeedAnswer.Of(feed), poll.Ok, poll.NotModified, poll.NewItems, poll.Error,
            items.Articles, items.Repeats, items.Failed, items.Retrying));
    }
}

/// <summary>A watched feed and its status; every is the interval as written (30m, 2h).</summary>
public sealed record FeedAnswer(long Id, string Url, string Name, string Every, string AddedAt, string AddedBy, string? LastPolledAt,
    string? LastSuccessAt, string? LastError, string? LastErrorAt, int Failures, long ItemsSeen, long ItemsPending, long ItemsFailed, string NextPollAt)
{
    public static FeedAnswer Of(FeedStatus f) => new(f.Id, f.Url, f.Name, FeedWatch.Interval(f.Every), f.AddedAt, f.AddedBy, f.LastPolledAt,
        f.LastSuccessAt, f.LastError, f.LastErrorAt, f.Failures, f.ItemsSeen, f.ItemsPending, f.ItemsFailed, f.NextPollAt);
}

/// <summary>An item read from a feed: its key, GUID, address, title, date, and where its processing stands.</summary>
public sealed record FeedItemAnswer(long Id, string Key, string? Guid, string? Link, string? Title, string? Published, string State,
    int Attempts, string? Error, long? ArticleRef, string SeenAt, string? ProcessedAt)
{
    public static FeedItemAnswer Of(StoredFeedItem i) => new(i.Id, i.Item.Key, i.Item.Guid, i.Item.Link, i.Item.Title, i.Item.Published, i.State,
        i.Attempts, i.Error, i.ArticleRef, i.SeenAt, i.ProcessedAt);
}

/// <summary>A feed's status and its latest items.</summary>
public sealed record FeedDetailAnswer(FeedAnswer Feed, IReadOnlyList<FeedItemAnswer> Items);

/// <summary>What a poll did: the read (ok, not modified, new items or the error) and the items processed after it.</summary>
public sealed record FeedPollAnswer(FeedAnswer Feed, bool Ok, bool NotModified, int NewItems, string? Error,
    int Articles, int Repeats, int ItemsFailed, int ItemsRetrying);

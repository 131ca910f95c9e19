using Vigil.Application.Feeds;
using Vigil.Dashboard.Shell;
using Vigil.Domain.Errors;
using Vigil.Storage;
using Vigil.Web;
using Vigil.Web.Auth;
using Vigil.Web.Feeds;
using Vigil.Web.Stores;

namespace Vigil.Dashboard.Feeds;

/// <summary>
/// GET /feeds (admin): the news feeds the server watches, each with how its polling goes, and a form to add one;
/// POST /feeds (add), /feeds/{id}/poll (read it now) and /feeds/{id}/remove, each with the form token.
/// </summary>
internal static class FeedsEndpoint
{
    public static void MapFeedPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/feeds", ShowAsync).ExcludeFromDescription();
        app.MapPost("/feeds", (HttpContext context, StoreAccess stores, TimeProvider clock, ServerOptions options, FeedPolling polling) =>
            RunAsync(context, stores, clock, "Cannot add the feed", async (db, author, form) =>
            {
                var feed = new FeedWatch(db, options.Feeds, clock).Add(form["url"].FirstOrDefault(), Blank(form["name"].FirstOrDefault()),
                    Blank(form["every"].FirstOrDefault()), author);
                polling.Wake();
                return await Task.FromResult($"feed {feed.Id} ({feed.Name}) added; it is read at once");
            })).ExcludeFromDescription();
        app.MapPost("/feeds/{id:long}/remove", (long id, HttpContext context, StoreAccess stores, TimeProvider clock, ServerOptions options) =>
            RunAsync(context, stores, clock, "Cannot remove the feed", (db, author, _) =>
            {
                new FeedWatch(db, options.Feeds, clock).Remove(id, author);
                return Task.FromResult($"feed {id} removed; its articles stay");
            })).ExcludeFromDescription();
        app.MapPost("/feeds/{id:long}/poll", (long id, HttpContext context, StoreAccess stores, TimeProvider clock, FeedPolling polling) =>
            RunAsync(context, stores, clock, "Cannot poll the feed", async (db, _, _) =>
            {
                var feed = db.Feeds.Get(id) ?? throw new NotFoundException($"no feed {id} is watched");
                var poll = (await polling.Poller.PollAsync([feed], context.RequestAborted))[0];
                var items = await polling.Poller.ProcessPendingAsync(id, context.RequestAborted, retryNow: true);
                return poll.Ok
                    ? $"feed {id} read: {(poll.NotModified ? "not modified" : $"{poll.NewItems} new items")}; {items.Articles} articles queued, {items.Repeats} repeats"
                    : $"feed {id} failed: {poll.Error}";
            })).ExcludeFromDescription();
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private static async Task<IResult> ShowAsync(HttpContext context, StoreAccess stores, ServerOptions options, string? done)
    {
        var chrome = PageChrome.For(context);
        if (await PageAccess.CheckAsync(context, chrome, Policies.Admin) is { } denied)
            return denied;
        using var db = stores.Open();
        var feeds = db.Feeds.List();
        var items = feeds.ToDictionary(f => f.Id, f => db.Feeds.Items(f.Id, 5));
        return Pages.Render<FeedsPage>(chrome, new FeedsModel(feeds, items, options.PollFeeds, done));
    }

    /// <summary>An admin's action from the page, run, audited and shown (<see cref="PageActions"/>).</summary>
    private static Task<IResult> RunAsync(HttpContext context, StoreAccess stores, TimeProvider clock, string refused,
        Func<IVigilDatabase, string, IFormCollection, Task<string>> act) =>
        PageActions.RunAsync(context, stores, clock, Policies.Admin, refused, "/feeds", act);
}

/// <summary>The feeds watched, each one's latest items, whether the server polls them, and what the last action did.</summary>
public sealed record FeedsModel(IReadOnlyList<FeedStatus> Feeds, IReadOnlyDictionary<long, IReadOnlyList<StoredFeedItem>> Latest, bool Polling, string? Done);

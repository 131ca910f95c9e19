using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Application.Feeds;
using Vigil.Application.Reference;
using Vigil.Cli.Infrastructure;
using Vigil.Storage;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil feeds add URL</c>: watch a news feed.</summary>
public sealed class FeedsAddCommand(CliOutput output, TimeProvider clock) : Command<FeedsAddCommand.Settings>
{
    public sealed class Settings : DatabaseSettings
    {
        [CommandArgument(0, "<URL>")]
        [Description("The feed's address (RSS 2.0, Atom or JSON Feed), http or https.")]
        public string Url { get; init; } = "";

        [CommandOption("--name <NAME>")]
        [Description("The outlet's name, shown as the source of its articles (default: the address's host).")]
        public string? Name { get; init; }

        [CommandOption("--every <INTERVAL>")]
        [Description("How often the server reads it: 90s, 30m, 2h, 1d (default 30m; at least 1m).")]
        public string? Every { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var db = settings.OpenStore(clock);
        FeedStatus feed;
        try
        {
            feed = new FeedWatch(db, new FeedOptions(), clock).Add(settings.Url, settings.Name, settings.Every, "cli");
        }
        catch (Domain.Errors.FieldException e)
        {
            throw new OptionException(e.Field == "url" ? $"URL: {e.Problem}" : $"--{e.Field}: {e.Problem}");
        }
        output.Console.MarkupLine($"watching feed {feed.Id}: [bold]{Markup.Escape(feed.Name)}[/] {Markup.Escape(feed.Url)}, every {FeedWatch.Interval(feed.Every)}");
        output.Console.MarkupLine("[grey]The server reads it on its interval (vigil serve); vigil feeds poll reads it now.[/]");
        return ExitCodes.Success;
    }
}

/// <summary><c>vigil feeds list</c>: the feeds watched and how their polling goes.</summary>
public sealed class FeedsListCommand(CliOutput output, TimeProvider clock) : Command<TableSettings>
{
    public override int Execute(CommandContext context, TableSettings settings, CancellationToken cancellationToken)
    {
        using var db = settings.OpenStore(clock);
        var feeds = db.Feeds.List();
        if (feeds.Count == 0)
        {
            output.Console.MarkupLine("No feeds are watched. Add one: vigil feeds add URL --name NAME --every 30m");
            return ExitCodes.Success;
        }
        output.Write(FeedsView.Table(feeds));
        return ExitCodes.Success;
    }
}

/// <summary><c>vigil feeds remove ID</c>.</summary>
public sealed class FeedsRemoveCommand(CliOutput output, TimeProvider clock) : Command<FeedsRemoveCommand.Settings>
{
    public sealed class Settings : DatabaseSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("The feed's id (vigil feeds list).")]
        public long Id { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var db = settings.OpenStore(clock);
        new FeedWatch(db, new FeedOptions(), clock).Remove(settings.Id, "cli");
        output.Console.MarkupLine($"feed {settings.Id} is no longer watched; the articles read from it stay.");
        return ExitCodes.Success;
    }
}

/// <summary><c>vigil feeds poll [ID]</c>: read feeds now (all, or one) and process the items waiting.</summary>
public sealed class FeedsPollCommand(CliOutput output, TimeProvider clock, ReferenceData reference) : Command<FeedsPollCommand.Settings>
{
    public sealed class Settings : DatabaseSettings
    {
        [CommandArgument(0, "[ID]")]
        [Description("One feed's id; default: every feed watched.")]
        public long? Id { get; init; }

        [CommandOption("--timeout <SECONDS>")]
        [Description("How long one request may take before it is retried (default 20).")]
        public int Timeout { get; init; } = 20;

        [CommandOption("--allow-private")]
        [Description("Read feeds on loopback and private addresses (off by default).")]
        public bool AllowPrivate { get; init; }

        public override ValidationResult Validate() =>
            Timeout is < 1 or > 600 ? ValidationResult.Error($"--timeout: give 1 to 600 seconds (was {Timeout})") : base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = new FeedOptions { Timeout = TimeSpan.FromSeconds(settings.Timeout), AllowPrivateAddresses = settings.AllowPrivate };
        IReadOnlyList<FeedStatus> feeds;
        using (var db = settings.OpenStore(clock))
        {
            feeds = settings.Id is { } id
                ? [db.Feeds.Get(id) ?? throw new Domain.Errors.NotFoundException($"no feed {id.ToString(CultureInfo.InvariantCulture)} is watched (vigil feeds list)")]
                : db.Feeds.List();
        }
        if (feeds.Count == 0)
        {
            output.Console.MarkupLine("No feeds are watched. Add one: vigil feeds add URL --name NAME");
            return ExitCodes.Success;
        }
        using var http = new FeedHttp(options);
        var poller = new FeedPoller(() => settings.OpenStore(clock), reference, http, options, clock);
        var polls = poller.PollAsync(feeds, cancellationToken).GetAwaiter().GetResult();
        var items = poller.ProcessPendingAsync(settings.Id, cancellationToken, retryNow: true).GetAwaiter().GetResult();
        foreach (var p in polls)
        {
            var what = !p.Ok ? $"[red]failed[/]: {Markup.Escape(p.Error ?? "")}" : p.NotModified ? "not modified" : Counted.Of(p.NewItems, "new item");
            output.Console.MarkupLine($"feed {p.FeedId} {Markup.Escape(p.Name)}: {what}");
        }
        output.Console.MarkupLine($"items: {Counted.Of(items.Articles, "new article")} queued for review, {Counted.Of(items.Repeats, "repeat")} kept as sources, "
            + $"{items.Failed:N0} failed, {items.Retrying:N0} to retry");
        return polls.Any(p => !p.Ok) ? ExitCodes.Failed : ExitCodes.Success;
    }
}

/// <summary>The feeds table of <c>vigil feeds list</c>.</summary>
internal static class FeedsView
{
    public static Table Table(IReadOnlyList<FeedStatus> feeds)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumns("id", "name", "every", "last read well (UTC)", "items", "pending", "failed", "last error", "url");
        foreach (var f in feeds)
        {
            table.AddRow(f.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(f.Name), FeedWatch.Interval(f.Every), Minute(f.LastSuccessAt),
                f.ItemsSeen.ToString("N0", CultureInfo.InvariantCulture), f.ItemsPending.ToString("N0", CultureInfo.InvariantCulture),
                f.ItemsFailed.ToString("N0", CultureInfo.InvariantCulture),
                f.LastError is { } e && (f.LastSuccessAt is null || string.CompareOrdinal(f.LastErrorAt, f.LastSuccessAt) > 0) ? Markup.Escape($"{Minute(f.LastErrorAt)}: {e}") : "",
                Markup.Escape(f.Url));
        }
        return table;
    }

    private static string Minute(string? stamp) => stamp is { Length: >= 16 } s ? s[..16].Replace('T', ' ') : "never";
}

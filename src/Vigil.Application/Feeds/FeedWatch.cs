using System.Globalization;
using Vigil.Domain.Errors;
using Vigil.Storage;

namespace Vigil.Application.Feeds;

/// <summary>Which feeds are watched: adding one (its address checked, a name and an interval given or defaulted), listing, removing.</summary>
public sealed class FeedWatch(IVigilDatabase db, FeedOptions options, TimeProvider clock)
{
    /// <summary>The interval a feed is polled at when none is given.</summary>
    public static readonly TimeSpan DefaultEvery = TimeSpan.FromMinutes(30);

    private static readonly TimeSpan MaxEvery = TimeSpan.FromDays(7);

    /// <summary>Watches a feed; <see cref="FieldException"/> on url, name or every when one is not acceptable.</summary>
    public FeedStatus Add(string? url, string? name, string? every, string by)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new FieldException("url", $"'{url}' is not an http or https address");
        if (name is { Length: > 200 })
            throw new FieldException("name", "is longer than 200 characters");
        var interval = every is null ? DefaultEvery : ParseEvery(every);
        if (interval < options.MinEvery || interval > MaxEvery)
            throw new FieldException("every", $"'{every}' is outside {Interval(options.MinEvery)} .. {Interval(MaxEvery)}");
        var label = string.IsNullOrWhiteSpace(name) ? uri.Host : name.Trim();
        return db.Feeds.Add(uri.ToString(), label, interval, by, clock.GetUtcNow());
    }

    public IReadOnlyList<FeedStatus> List() => db.Feeds.List();

    /// <summary>Stops watching a feed; <see cref="NotFoundException"/> when there is no such feed.</summary>
    public void Remove(long id, string by)
    {
        if (!db.Feeds.Remove(id, by, clock.GetUtcNow()))
            throw new NotFoundException($"no feed {id.ToString(CultureInfo.InvariantCulture)} is watched");
    }

    /// <summary>An interval as people write one: 90s, 30m, 2h, 1d (a bare number is minutes); <see cref="FieldException"/> on every otherwise.</summary>
    public static TimeSpan ParseEvery(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        var unit = t.Length > 0 && char.IsLetter(t[^1]) ? t[^1] : 'm';
        var number = char.IsLetter(unit) && t.Length > 0 && char.IsLetter(t[^1]) ? t[..^1] : t;
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) || n <= 0 || n > 1e6)
            throw new FieldException("every", $"'{text}' is not an interval (e.g. 30m, 2h, 1d)");
        return unit switch
        {
            's' => TimeSpan.FromSeconds(n),
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            'd' => TimeSpan.FromDays(n),
            _ => throw new FieldException("every", $"'{text}' is not an interval (e.g. 30m, 2h, 1d): the unit is s, m, h or d"),
        };
    }

    /// <summary>An interval written back the way <see cref="ParseEvery"/> reads it.</summary>
    public static string Interval(TimeSpan t) =>
        t.TotalDays >= 1 && t.TotalDays % 1 == 0 ? $"{t.TotalDays:0}d"
        : t.TotalHours >= 1 && t.TotalHours % 1 == 0 ? $"{t.TotalHours:0}h"
        : t.TotalMinutes >= 1 && t.TotalMinutes % 1 == 0 ? $"{t.TotalMinutes:0}m"
        : $"{t.TotalSeconds:0}s";
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CodeHollow.FeedReader;
using Vigil.Application.News;
using Vigil.Extraction.Input;
using Vigil.Storage;

namespace Vigil.Application.Feeds;

/// <summary>
/// Reads a feed's body — RSS 2.0 (and 0.9x/1.0), Atom or JSON Feed, with CodeHollow.FeedReader — into the items it
/// lists: each with a key that names it across polls (its GUID, else its address, else a hash of its title and date),
/// its address made absolute against the feed's, and its summary as plain text.
/// </summary>
public static class FeedParser
{
    /// <summary>The feed's items in the order it lists them; a <see cref="FetchException"/> when the body is not a feed.</summary>
    public static IReadOnlyList<NewFeedItem> Items(byte[] body, Uri feedUri)
    {
        Feed feed;
        try
        {
            feed = FeedReader.ReadFromByteArray(body);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new FetchException($"not a feed Vigil can read (RSS, Atom or JSON Feed): {FirstLine(e.Message)}");
        }
        if (feed.Type == FeedType.Unknown)
            throw new FetchException("not a feed Vigil can read (RSS, Atom or JSON Feed): the document's root is neither");
        var items = new List<NewFeedItem>(feed.Items.Count);
        foreach (var item in feed.Items)
        {
            var link = Absolute(item.Link, feedUri);
            var guid = string.IsNullOrWhiteSpace(item.Id) ? null : item.Id.Trim();
            var title = Clean(item.Title);
            var published = item.PublishingDate is { } date
                ? new DateTimeOffset(DateTime.SpecifyKind(date, date.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : date.Kind)).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
                : null;
            var summary = Text(item.Content) is { Length: > 0 } content ? content : Text(item.Description);
            var key = guid ?? NewsIntake.NormalUrl(link) ?? "hash:" + Hash($"{title}\n{published}\n{summary}");
            if (items.Any(i => i.Key == key))
                continue; // a feed that lists an item twice
            items.Add(new NewFeedItem(key, guid, link, title, published, summary));
        }
        return items;
    }

    private static string? Absolute(string? link, Uri feedUri) =>
        string.IsNullOrWhiteSpace(link) ? null : Uri.TryCreate(feedUri, link.Trim(), out var uri) ? uri.ToString() : null;

    private static string? Text(string? htmlOrText) =>
        string.IsNullOrWhiteSpace(htmlOrText) ? null : ArticleReader.Readable(htmlOrText).Trim();

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : System.Net.WebUtility.HtmlDecode(s).Trim();

    private static string Hash(string s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)))[..32];

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}

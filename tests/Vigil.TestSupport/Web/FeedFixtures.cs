using System.Net;
using System.Text;
using System.Text.Json;

namespace Vigil.TestSupport.Web;

/// <summary>An item a fixture feed lists: its GUID (or none), the address of its page, a title, a date and a summary.</summary>
public sealed record FixtureItem(string? Guid, string Link, string Title, DateTimeOffset Published, string Summary = "");

/// <summary>
/// Feeds and pages written by the team for the feed tests: the three feed formats Vigil reads, and news pages with the
/// navigation, links and footer a real outlet puts around its story (which the readability step must leave out).
/// </summary>
public static class FeedFixtures
{
    /// <summary>Incident reports, one per story, written for these tests: each is an attack with its toll, place and date.</summary>
    public static readonly IReadOnlyList<string[]> Stories =
    [
        ["Two soldiers were killed and three others injured when militants attacked a security check post in Bannu district of Khyber Pakhtunkhwa on Monday, police said.",
         "The attackers opened fire from a nearby field before security forces returned fire. A search operation was launched in the area after the attack."],
        ["A roadside bomb killed four policemen in Dera Ismail Khan on Tuesday, officials said.",
         "The bomb struck a police van on patrol near the city. Six passers-by were wounded in the blast, a hospital spokesman said."],
        ["Gunmen shot dead a tribal elder in North Waziristan on Wednesday, his family said.",
         "The elder was on his way home from a market in Mir Ali when he was attacked. No group claimed responsibility."],
        ["Three labourers were killed and two wounded when armed men attacked a construction site in Kech district of Balochistan on Thursday.",
         "The levies force said the attackers fled on motorcycles. The labourers had come from Punjab to work on a road."],
        ["A suicide bomber killed seven people at a market in Bajaur district on Friday, the district police officer said.",
         "At least fifteen people were injured in the blast, which took place as shoppers gathered before the weekly prayers."],
        ["Militants attacked a police station in Lakki Marwat on Saturday night, killing two constables, police said.",
         "The attack lasted about an hour before reinforcements arrived. One attacker was killed in the exchange of fire."],
        ["Five soldiers were martyred in an exchange of fire with terrorists in South Waziristan on Sunday, the military's media wing said.",
         "Security forces said the area was being cleared. Two terrorists were also killed, according to the statement."],
        ["A bomb planted on a motorcycle killed one person and injured nine in Quetta on Monday, police said.",
         "The blast took place near a busy intersection on the city's Sariab Road. A bomb disposal squad collected evidence from the site."],
    ];

    /// <summary>A news page: the outlet's masthead, navigation, related links and footer around the story's paragraphs.</summary>
    public static string Page(string outlet, string title, IEnumerable<string> paragraphs, string layout = "a")
    {
        var body = string.Concat(paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>\n"));
        var nav = string.Concat(new[] { "Home", "Pakistan", "World", "Business", "Sport", "Opinion", "Videos" }.Select(n => $"<li><a href=\"/{n.ToLowerInvariant()}\">{n}</a></li>"));
        var related = string.Concat(Enumerable.Range(1, 6).Select(i => $"<li><a href=\"/story/{i}\">Related story number {i} about the economy and the weather</a></li>"));
        return layout == "a"
            ? $"""
              <!DOCTYPE html><html><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(title)} - {outlet}</title></head>
              <body><header><h1 class="masthead">{outlet}</h1><nav><ul>{nav}</ul></nav></header>
              <main><article><h2>{WebUtility.HtmlEncode(title)}</h2><div class="byline">By our correspondent</div>
              <div class="story-body">{body}</div></article>
              <aside><h3>Most read</h3><ul>{related}</ul></aside></main>
              <footer><p>Copyright {outlet}. All rights reserved. Terms of use. Privacy policy. Contact us.</p></footer></body></html>
              """
            : $"""
              <!DOCTYPE html><html><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(title)} | {outlet}</title></head>
              <body><div id="top"><span>{outlet}</span><ul class="menu">{nav}</ul></div>
              <div id="content"><div class="post"><h1>{WebUtility.HtmlEncode(title)}</h1>
              <div class="entry-content">{body}</div></div>
              <div class="sidebar"><h4>Latest</h4><ul>{related}</ul></div></div>
              <footer id="bottom">Subscribe to our newsletter. Follow us. {outlet} is a registered trademark.</footer></body></html>
              """;
    }

    public static string Rss(string title, IEnumerable<FixtureItem> items)
    {
        var sb = new StringBuilder($"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>{Esc(title)}</title><link>https://example.test/</link><description>news</description>\n");
        foreach (var i in items)
        {
            sb.Append("<item>");
            if (i.Guid is not null)
                sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"<guid isPermaLink=\"false\">{Esc(i.Guid)}</guid>");
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"<title>{Esc(i.Title)}</title><link>{Esc(i.Link)}</link><pubDate>{i.Published.UtcDateTime:R}</pubDate><description>{Esc(i.Summary)}</description></item>\n");
        }
        return sb.Append("</channel></rss>").ToString();
    }

    public static string Atom(string title, IEnumerable<FixtureItem> items)
    {
        var sb = new StringBuilder($"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>{Esc(title)}</title><id>urn:fixture:{Esc(title)}</id><updated>2026-11-30T00:00:00Z</updated>\n");
        foreach (var i in items)
        {
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"<entry><title>{Esc(i.Title)}</title><id>{Esc(i.Guid ?? i.Link)}</id><link rel=\"alternate\" href=\"{Esc(i.Link)}\"/>");
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"<updated>{i.Published.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}</updated><summary>{Esc(i.Summary)}</summary></entry>\n");
        }
        return sb.Append("</feed>").ToString();
    }

    public static string JsonFeed(string title, IEnumerable<FixtureItem> items) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["version"] = "https://jsonfeed.org/version/1.1",
        ["title"] = title,
        ["items"] = items.Select(i => new Dictionary<string, object?>
        {
            ["id"] = i.Guid ?? i.Link,
            ["url"] = i.Link,
            ["title"] = i.Title,
            ["date_published"] = i.Published.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["summary"] = i.Summary,
        }).ToList(),
    });

    private static string Esc(string s) => WebUtility.HtmlEncode(s);
}

using System.Text.RegularExpressions;

namespace Vigil.Reports.Html;

/// <summary>
/// Turns a standalone SVG document into an element to place inside HTML: no XML declaration, no namespace
/// URLs (HTML knows SVG without them, and the page carries no URL but its sources'), ids prefixed so that
/// two figures' clip paths cannot collide, scalable to the page width, with a title for screen readers.
/// </summary>
internal static partial class InlineSvg
{
    public static string Prepare(string svg, string idPrefix, int width, int height, string title)
    {
        var body = XmlDeclaration().Replace(svg, "");
        body = Namespace().Replace(body, "");
        body = Id().Replace(body, m => $"id=\"{idPrefix}{m.Groups[1].Value}\"");
        body = UrlReference().Replace(body, m => $"url(#{idPrefix}{m.Groups[1].Value})");
        body = HrefReference().Replace(body, m => $"{m.Groups[1].Value}=\"#{idPrefix}{m.Groups[2].Value}\"");
        var open = OpenTag().Match(body);
        if (!open.Success)
            throw new InvalidOperationException("The chart renderer produced no <svg> element");
        var tag = $"<svg viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{idPrefix}title\" preserveAspectRatio=\"xMidYMid meet\">"
            + $"<title id=\"{idPrefix}title\">{HtmlText.Escape(title)}</title>";
        return body[..open.Index] + tag + body[(open.Index + open.Length)..];
    }

    [GeneratedRegex(@"<\?xml[^>]*\?>\s*")]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex(@"\s+xmlns(:\w+)?=""[^""]*""")]
    private static partial Regex Namespace();

    [GeneratedRegex(@"\bid=""([^""]+)""")]
    private static partial Regex Id();

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex UrlReference();

    [GeneratedRegex(@"\b((?:xlink:)?href)=""#([^""]+)""")]
    private static partial Regex HrefReference();

    [GeneratedRegex(@"<svg\b[^>]*>")]
    private static partial Regex OpenTag();
}

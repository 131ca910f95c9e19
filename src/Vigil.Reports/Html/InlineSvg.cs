using System.Globalization;
using System.Text.RegularExpressions;

namespace Vigil.Reports.Html;

/// <summary>
/// Turns a standalone SVG document into an element to place inside HTML: no XML declaration, no namespace
/// URLs (HTML knows SVG without them, and the page carries no URL but its sources'), ids prefixed so that
/// two figures' clip paths cannot collide, path coordinates to a tenth of a pixel, scalable to the page
/// width, with a title for screen readers.
/// </summary>
public static partial class InlineSvg
{
    public static string Prepare(string svg, string idPrefix, int width, int height, string title)
    {
        var body = XmlDeclaration().Replace(svg, "");
        body = Namespace().Replace(body, "");
        body = Id().Replace(body, m => $"id=\"{idPrefix}{m.Groups[1].Value}\"");
        body = UrlReference().Replace(body, m => $"url(#{idPrefix}{m.Groups[1].Value})");
        body = HrefReference().Replace(body, m => $"{m.Groups[1].Value}=\"#{idPrefix}{m.Groups[2].Value}\"");
        // The map's polygons are most of the page's weight; a tenth of a pixel is finer than any screen.
        body = PathData().Replace(body, m => "d=\"" + LongNumber().Replace(m.Groups[1].Value, Round) + "\"");
        var open = OpenTag().Match(body);
        if (!open.Success)
            throw new InvalidOperationException("The chart renderer produced no <svg> element");
        var tag = $"<svg viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{idPrefix}title\" preserveAspectRatio=\"xMidYMid meet\">"
            + $"<title id=\"{idPrefix}title\">{HtmlText.Escape(title)}</title>";
        return body[..open.Index] + tag + body[(open.Index + open.Length)..];
    }

    private static string Round(Match number) =>
        Math.Round(double.Parse(number.Value, CultureInfo.InvariantCulture), 1).ToString("0.#", CultureInfo.InvariantCulture);

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

    [GeneratedRegex(@"\bd=""([^""]*)""")]
    private static partial Regex PathData();

    [GeneratedRegex(@"-?\d+\.\d{2,}")]
    private static partial Regex LongNumber();

    [GeneratedRegex(@"<svg\b[^>]*>")]
    private static partial Regex OpenTag();
}

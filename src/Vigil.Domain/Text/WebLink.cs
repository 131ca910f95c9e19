namespace Vigil.Domain.Text;

/// <summary>
/// The one link sanitiser for every page and report: a stored source address becomes a link only when it
/// is an absolute http or https address. Anything else (javascript:, data:, vbscript:, relative paths,
/// addresses with control characters that browsers strip) is shown as text, never as a link.
/// </summary>
public static class WebLink
{
    /// <summary>
    /// The address to put in href (trimmed, as given: with no control characters or leading junk, a browser
    /// reads the same scheme as the check did), or null.
    /// </summary>
    public static string? Href(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
            return null;
        var text = url.Trim();
        // Browsers drop tabs and newlines inside a URL before parsing it ("java\tscript:"): refuse them outright.
        foreach (var c in text)
        {
            if (char.IsControl(c))
                return null;
        }
        return Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && !string.IsNullOrEmpty(uri.Host)
            ? text
            : null;
    }

    public static bool IsWebLink(string? url) => Href(url) is not null;
}

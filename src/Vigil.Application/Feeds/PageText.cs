using System.Text;
using Vigil.Extraction;
using Vigil.Extraction.Input;

namespace Vigil.Application.Feeds;

/// <summary>
/// The article in a fetched page: its main text taken out of the navigation, links and boilerplate around it (SmartReader,
/// a port of Mozilla's Readability), or, when that finds no article or the page is too large or too deeply nested to
/// parse safely, the page's whole text as <see cref="HtmlText"/> reads it.
/// </summary>
public static class PageText
{
    private const int MinText = 80;

    static PageText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The page's text and its title (null when only the whole text could be read).</summary>
    public static (string Text, string? Title) Of(Uri address, byte[] body, string? contentType)
    {
        var html = Decode(body, contentType);
        if (html.Length <= ExtractionBudget.MaxInputChars && HtmlText.ApproximateDepth(html) <= HtmlText.MaxDepth)
        {
            try
            {
                // Readability's "readerable" score wants paragraphs of 140 characters or more; a wire story's are often
                // shorter, and its main text is still what the reader finds: taken when it has a sentence or two.
                var article = new SmartReader.Reader(address.ToString(), html).GetArticle();
                if (article.TextContent is { } found && (article.IsReadable || found.Trim().Length >= MinText))
                    return (ArticleExtractor.TextRead(HtmlText.Normalise(article.TextContent)), string.IsNullOrWhiteSpace(article.Title) ? null : article.Title.Trim());
            }
            catch (Exception e) when (e is not (OutOfMemoryException or InsufficientExecutionStackException))
            {
                // A page SmartReader cannot take apart is read whole below.
            }
        }
        return (HtmlText.ToText(html), null);
    }

    /// <summary>Whether a body of this content type is a page to read: HTML, XHTML or plain text (or a server that does not say).</summary>
    public static bool IsText(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
            return true;
        var media = contentType.Split(';')[0].Trim().ToLowerInvariant();
        return media is "text/html" or "application/xhtml+xml" or "text/plain" or "application/xml" or "text/xml";
    }

    /// <summary>The body as text: the charset the server names, else the page's own meta charset, else UTF-8.</summary>
    public static string Decode(byte[] body, string? contentType)
    {
        var encoding = Named(CharsetOf(contentType)) ?? Named(MetaCharset(body)) ?? Encoding.UTF8;
        return encoding.GetString(body);
    }

    private static string? CharsetOf(string? contentType)
    {
        if (contentType is null)
            return null;
        var at = contentType.IndexOf("charset=", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? null : contentType[(at + 8)..].Split(';')[0].Trim().Trim('"', '\'');
    }

    private static string? MetaCharset(byte[] body)
    {
        var head = Encoding.ASCII.GetString(body, 0, Math.Min(body.Length, 2048));
        var at = head.IndexOf("charset=", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
            return null;
        var rest = head[(at + 8)..].TrimStart('"', '\'');
        var end = rest.IndexOfAny(['"', '\'', ' ', ';', '>', '/']);
        return end <= 0 ? null : rest[..end];
    }

    private static Encoding? Named(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return null;
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}

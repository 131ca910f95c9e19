using System.Text;

namespace Vigil.Reports.Markdown;

internal static class MarkdownText
{
    // ASCII punctuation that can start or end Markdown syntax inline; CommonMark lets any of it be escaped.
    private const string Special = "\\`*_[]<>|#~!&";

    /// <summary>
    /// Text for a paragraph, list item or table cell: Markdown punctuation backslash-escaped (so a pipe
    /// cannot end a cell and "&lt;script&gt;" stays text), line breaks folded into spaces.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\r' or '\n')
                builder.Append(' ');
            else
            {
                if (Special.Contains(c, StringComparison.Ordinal))
                    builder.Append('\\');
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    /// <summary>
    /// A link destination: as it is when plain, else in angle brackets (which may hold spaces and
    /// parentheses) with the characters that would still break it percent-encoded.
    /// </summary>
    public static string Destination(string url)
    {
        if (!url.Any(c => c is ' ' or '(' or ')' or '<' or '>' or '|' or '\\'))
            return url;
        return "<" + url.Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal)
            .Replace(" ", "%20", StringComparison.Ordinal).Replace("|", "%7C", StringComparison.Ordinal)
            .Replace("\\", "%5C", StringComparison.Ordinal) + ">";
    }
}

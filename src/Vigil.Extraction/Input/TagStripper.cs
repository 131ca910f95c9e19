using System.Net;
using System.Text;

namespace Vigil.Extraction.Input;

/// <summary>
/// A linear, forgiving HTML-to-text fallback for markup too deep for a tree builder: tags are dropped (block
/// tags become line breaks), the content of skipped elements (script, style, ...) is dropped, entities are decoded.
/// </summary>
internal static class TagStripper
{
    public static string Strip(string html, HashSet<string> skipped, HashSet<string> blocks)
    {
        var sb = new StringBuilder(html.Length / 2);
        var text = new StringBuilder();
        string? skipUntil = null;
        var i = 0;
        while (i < html.Length && sb.Length < ExtractionBudget.MaxTextChars)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0)
                lt = html.Length;
            if (skipUntil is null)
                text.Append(html, i, lt - i);
            if (lt >= html.Length)
                break;
            var gt = html.IndexOf('>', lt + 1);
            if (gt < 0)
                break;
            var (name, closing) = TagName(html, lt + 1, gt);
            if (skipUntil is not null)
            {
                if (closing && string.Equals(name, skipUntil, StringComparison.OrdinalIgnoreCase))
                    skipUntil = null;
            }
            else if (!closing && skipped.Contains(name))
            {
                skipUntil = name;
            }
            else if (blocks.Contains(name))
            {
                Flush(sb, text);
                sb.Append('\n');
            }
            i = gt + 1;
        }
        Flush(sb, text);
        return sb.ToString();
    }

    private static void Flush(StringBuilder sb, StringBuilder text)
    {
        if (text.Length == 0)
            return;
        sb.Append(WebUtility.HtmlDecode(text.ToString()));
        text.Clear();
    }

    private static (string Name, bool Closing) TagName(string html, int from, int to)
    {
        var closing = from < to && html[from] == '/';
        var start = closing ? from + 1 : from;
        var end = start;
        while (end < to && char.IsAsciiLetterOrDigit(html[end]))
            end++;
        return (html[start..end].ToLowerInvariant(), closing);
    }
}

using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Vigil.Extraction.Input;

/// <summary>
/// Turns HTML into plain text with AngleSharp: script, style and similar elements dropped, block elements
/// separated by line breaks (so that sentences do not run together). The tree is walked without recursion, so
/// deeply nested markup cannot exhaust the stack. HTML5 tree building slows down sharply with nesting depth
/// (100,000 nested elements take minutes), so markup nested deeper than <see cref="MaxDepth"/> is not given to
/// the parser: a linear tag stripper reads it instead.
/// </summary>
public static class HtmlText
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "head", "iframe", "object",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table", "section", "article",
        "header", "footer", "blockquote", "pre", "hr", "figcaption", "dd", "dt", "title",
    };

    /// <summary>Real pages nest a few dozen levels; a few hundred is already pathological.</summary>
    public const int MaxDepth = 400;

    public static string ToText(string html)
    {
        if (html.Length > ExtractionBudget.MaxInputChars)
            html = html[..ExtractionBudget.MaxInputChars];
        if (ApproximateDepth(html) > MaxDepth)
            return Normalise(TagStripper.Strip(html, Skipped, Blocks));
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var document = parser.ParseDocument(html);
        var sb = new StringBuilder(html.Length / 2);
        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((document.Body ?? (INode)document.DocumentElement, false));
        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (exit)
            {
                sb.Append('\n');
                continue;
            }
            switch (node)
            {
                case IText text:
                    sb.Append(text.Data);
                    break;
                case IElement element when Skipped.Contains(element.LocalName):
                    break;
                case IElement element:
                    var block = Blocks.Contains(element.LocalName);
                    if (block)
                    {
                        sb.Append('\n');
                        stack.Push((node, true));
                    }
                    for (var child = element.LastChild; child is not null; child = child.PreviousSibling)
                        stack.Push((child, false));
                    break;
            }
            if (sb.Length > ExtractionBudget.MaxTextChars)
                break;
        }
        return Normalise(sb.ToString());
    }

    /// <summary>The deepest nesting of tags, counting opening tags up and closing tags down (void elements are not told apart: an upper bound).</summary>
    public static int ApproximateDepth(string html)
    {
        int depth = 0, max = 0;
        for (var i = 0; i + 1 < html.Length; i++)
        {
            if (html[i] != '<')
                continue;
            var c = html[i + 1];
            if (c == '/')
                depth = Math.Max(0, depth - 1);
            else if (char.IsAsciiLetter(c))
                max = Math.Max(max, ++depth);
        }
        return max;
    }

    /// <summary>Runs of spaces become one space; runs of blank lines one line break.</summary>
    public static string Normalise(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        var newline = false;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                newline = sb.Length > 0;
                space = false;
            }
            else if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
            }
            else
            {
                if (newline)
                    sb.Append('\n');
                else if (space)
                    sb.Append(' ');
                newline = space = false;
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}

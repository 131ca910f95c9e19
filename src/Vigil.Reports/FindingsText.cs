using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Vigil.Reports.Model;

namespace Vigil.Reports;

/// <summary>A block of the key findings as a page lays it out: a heading, a paragraph, or a list item (with its depth).</summary>
public sealed record FindingsBlock(FindingsBlockKind Kind, string Text, int Depth = 0);

public enum FindingsBlockKind
{
    Heading,
    Paragraph,
    Bullet,
}

/// <summary>
/// The analysts' key findings in each format: HTML through Markdig with raw HTML disabled (a finding can never
/// inject markup or script into a report), plain blocks for the PDF, and the Markdown as written. The section says
/// whose judgement it is, so a reader never takes it for a computed figure.
/// </summary>
public static class FindingsText
{
    public const string Heading = "Key findings";

    /// <summary>Longest key findings accepted (characters).</summary>
    public const int MaxLength = 20_000;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    /// <summary>"The analysts' judgement, saved by amina on 2026-12-07 08:10 UTC; not computed from the data."</summary>
    public static string Attribution(KeyFindings findings) =>
        $"The analysts' judgement, saved by {findings.SavedBy} on {Stamp(findings.SavedAt)}; not computed from the data.";

    public static string ToHtml(string markdown) => Markdig.Markdown.ToHtml(markdown, Pipeline);

    public static IReadOnlyList<FindingsBlock> Blocks(string markdown)
    {
        var blocks = new List<FindingsBlock>();
        Walk(Markdig.Markdown.Parse(markdown, Pipeline), 0, blocks);
        return blocks;
    }

    private static void Walk(ContainerBlock container, int depth, List<FindingsBlock> blocks)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case HeadingBlock h:
                    blocks.Add(new FindingsBlock(FindingsBlockKind.Heading, Inline(h.Inline)));
                    break;
                case ListBlock list:
                    WalkList(list, depth, blocks);
                    break;
                case ContainerBlock inner:
                    Walk(inner, depth, blocks);
                    break;
                case LeafBlock leaf when Leaf(leaf) is { Length: > 0 } text:
                    blocks.Add(new FindingsBlock(FindingsBlockKind.Paragraph, text));
                    break;
            }
        }
    }

    /// <summary>Each item's first paragraph is its bullet; what follows in it (a nested list, more paragraphs) goes one level deeper.</summary>
    private static void WalkList(ListBlock list, int depth, List<FindingsBlock> blocks)
    {
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var first = true;
            foreach (var child in item)
            {
                if (first && child is ParagraphBlock p)
                    blocks.Add(new FindingsBlock(FindingsBlockKind.Bullet, Inline(p.Inline), depth));
                else if (child is ListBlock nested)
                    WalkList(nested, depth + 1, blocks);
                else if (child is LeafBlock leaf && Leaf(leaf) is { Length: > 0 } text)
                    blocks.Add(new FindingsBlock(FindingsBlockKind.Paragraph, text, depth + 1));
                first = false;
            }
        }
    }

    private static string Leaf(LeafBlock leaf) =>
        leaf.Inline is { } inline ? Inline(inline) : string.Join(" ", leaf.Lines.Lines.Take(leaf.Lines.Count).Select(l => l.ToString())).Trim();

    private static string Inline(ContainerInline? inline)
    {
        if (inline is null)
            return "";
        var text = new System.Text.StringBuilder();
        foreach (var i in inline.Descendants())
        {
            switch (i)
            {
                case LiteralInline l:
                    text.Append(l.Content.ToString());
                    break;
                case CodeInline c:
                    text.Append(c.Content);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
            }
        }
        return text.ToString().Trim();
    }

    private static string Stamp(string savedAt) =>
        DateTimeOffset.TryParse(savedAt, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)
            : savedAt;
}

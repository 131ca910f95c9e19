using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Vigil.Cli.Infrastructure;

/// <summary>A table as plain text for pipes and scripts: its title (if any) on a line, a header line, one tab-separated line per row.</summary>
internal static class PlainTable
{
    public static void Write(TextWriter writer, Table table, RenderOptions options)
    {
        if (table.Title is { } title)
            writer.WriteLine(Markup.Remove(title.Text));
        writer.WriteLine(string.Join('\t', table.Columns.Select(c => Text(c.Header, options))));
        foreach (var row in table.Rows)
            writer.WriteLine(string.Join('\t', row.Select(cell => Text(cell, options))));
        writer.Flush();
    }

    /// <summary>What a cell shows, on one line, without styles: rendered without a width limit, line breaks and tabs as spaces.</summary>
    public static string Text(IRenderable cell, RenderOptions options)
    {
        var text = new StringBuilder();
        foreach (var segment in cell.Render(options, int.MaxValue / 4))
        {
            if (segment.IsLineBreak)
                text.Append(' ');
            else if (!segment.IsControlCode)
                text.Append(segment.Text);
        }
        return text.Replace('\t', ' ').Replace('\n', ' ').Replace("\r", "").ToString().Trim();
    }
}

using Spectre.Console;
using Spectre.Console.Rendering;

namespace Vigil.Cli.Infrastructure;

/// <summary>
/// Fits a table to the terminal without breaking a word, a date or a number. Spectre narrows a table that is too wide by
/// squeezing its widest columns, cutting words ("Govern/ment", "2014-0/6-03"); so the widths are set here instead: a
/// column of single words (ids, dates, numbers, codes) keeps its full width, a column of several words wraps between
/// them and is never narrower than its longest word; room left over goes to the wrapping columns. While that does not fit, the optional columns are
/// hidden; failing that, each row is printed as a block of "column  value" lines.
/// </summary>
internal static class TableFit
{
    public sealed record Fitted(IReadOnlyList<IRenderable> Parts, IReadOnlyList<string> Hidden);

    public static Fitted Fit(Table table, IAnsiConsole console, IReadOnlyList<string> optional)
    {
        var options = RenderOptions.Create(console, console.Profile.Capabilities);
        var width = console.Profile.Width;
        var headers = table.Columns.Select(c => PlainTable.Text(c.Header, options)).ToList();
        var cells = table.Rows.Select(r => r.Select(c => PlainTable.Text(c, options)).ToList()).ToList();
        var columns = Enumerable.Range(0, headers.Count).Select(i => Measure(headers[i], cells.Select(r => i < r.Count ? r[i] : ""))).ToList();

        var hidden = new List<string>();
        var shown = Enumerable.Range(0, headers.Count).ToList();
        while (true)
        {
            if (Layout(table, options, width, [.. shown.Select(i => columns[i])]) is { } widths)
                return new Fitted([Build(table, shown, widths, columns)], hidden);
            var next = optional.Select(name => headers.IndexOf(name)).FirstOrDefault(i => i >= 0 && shown.Contains(i), -1);
            if (next < 0)
                return new Fitted(Stacked(table, headers, cells), []);
            shown.Remove(next);
            hidden.Add(headers[next]);
        }
    }

    private sealed record Column(bool NoWrap, int Min, int Max);

    private static Column Measure(string header, IEnumerable<string> values)
    {
        var texts = values.ToList();
        var longest = texts.Select(t => t.Length).DefaultIfEmpty(0).Max();
        var word = texts.Concat([header]).SelectMany(Words).Select(w => w.Length).DefaultIfEmpty(0).Max();
        var noWrap = texts.All(t => !t.Contains(' ', StringComparison.Ordinal));
        var max = Math.Max(longest, word);
        return new Column(noWrap, noWrap ? max : word, max);
    }

    private static string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Each column's width, or null when even the narrowest layout is wider than <paramref name="width"/>.</summary>
    private static int[]? Layout(Table table, RenderOptions options, int width, IReadOnlyList<Column> columns)
    {
        if (columns.Count == 0)
            return null;
        var available = width - Overhead(table, options, columns.Count);
        var widths = columns.Select(c => c.Min).ToArray();
        var extra = available - widths.Sum();
        if (extra < 0)
            return null;
        // What is left goes first to the columns that need least to keep to one line, then a cell at a time to the rest.
        foreach (var i in Enumerable.Range(0, widths.Length).OrderBy(i => columns[i].Max - widths[i]))
        {
            var need = columns[i].Max - widths[i];
            if (need <= extra)
            {
                widths[i] += need;
                extra -= need;
            }
        }
        for (var grown = true; extra > 0 && grown;)
        {
            grown = false;
            for (var i = 0; i < widths.Length && extra > 0; i++)
            {
                if (widths[i] < columns[i].Max)
                {
                    widths[i]++;
                    extra--;
                    grown = true;
                }
            }
        }
        return widths;
    }

    /// <summary>The border and padding around <paramref name="count"/> columns, as the table's own border draws them.</summary>
    private static int Overhead(Table table, RenderOptions options, int count)
    {
        var probe = new Table { Border = table.Border, ShowHeaders = false };
        for (var i = 0; i < count; i++)
            probe.AddColumn(new TableColumn("") { Width = 1, NoWrap = true });
        probe.AddRow(Enumerable.Range(0, count).Select(_ => (IRenderable)new Text("x")));
        return ((IRenderable)probe).Measure(options, int.MaxValue / 4).Max - count;
    }

    private static Table Build(Table table, IReadOnlyList<int> shown, IReadOnlyList<int> widths, IReadOnlyList<Column> columns)
    {
        var result = new Table { Border = table.Border, Title = table.Title, Caption = table.Caption, ShowHeaders = table.ShowHeaders };
        for (var k = 0; k < shown.Count; k++)
        {
            var column = table.Columns[shown[k]];
            result.AddColumn(new TableColumn(column.Header)
            {
                NoWrap = columns[shown[k]].NoWrap,
                Alignment = column.Alignment,
                Padding = column.Padding,
                Width = widths[k],
            });
        }
        foreach (var row in table.Rows)
            result.AddRow(shown.Select(i => i < row.Count ? row[i] : new Text("")));
        return result;
    }

    /// <summary>One block per row: each column's header beside its value, values wrapping between words.</summary>
    private static List<IRenderable> Stacked(Table table, IReadOnlyList<string> headers, IReadOnlyList<List<string>> cells)
    {
        var parts = new List<IRenderable>();
        if (table.Title is { } title)
            parts.Add(new Markup(title.Text + "\n"));
        foreach (var row in cells)
        {
            var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
            for (var i = 0; i < headers.Count && i < row.Count; i++)
                grid.AddRow(new Markup($"[grey]{Markup.Escape(headers[i])}[/]"), new Text(row[i]));
            parts.Add(grid);
            parts.Add(new Text(""));
        }
        return parts;
    }
}

using System.Globalization;
using Spectre.Console;
using Vigil.Storage.Backends;

namespace Vigil.Cli.Commands;

/// <summary>The checksum report shared by copy, backup and restore.</summary>
internal static class TableReport
{
    public static Table Of(IReadOnlyList<TableChecksum> first, IReadOnlyList<TableChecksum>? second = null, string firstName = "rows", string secondName = "copied")
    {
        var table = new Table().Border(TableBorder.Simple).AddColumns("table", firstName);
        if (second is not null)
            table.AddColumn(secondName);
        table.AddColumn("checksum");
        if (second is not null)
            table.AddColumn("same");
        var other = second?.ToDictionary(c => c.Table, StringComparer.Ordinal);
        foreach (var t in first)
        {
            var cells = new List<string> { t.Table, t.Rows.ToString("N0", CultureInfo.InvariantCulture) };
            if (other is not null)
                cells.Add(other.TryGetValue(t.Table, out var o) ? o.Rows.ToString("N0", CultureInfo.InvariantCulture) : "-");
            cells.Add(t.Checksum[..16]);
            if (other is not null)
            {
                cells.Add(TableChecksums.CopyLocal.Contains(t.Table) ? "[grey]n/a[/]"
                    : other.TryGetValue(t.Table, out var o) && o.Rows == t.Rows && o.Checksum == t.Checksum ? "[green]yes[/]" : "[red]NO[/]");
            }
            table.AddRow(cells.ToArray());
        }
        return table;
    }
}

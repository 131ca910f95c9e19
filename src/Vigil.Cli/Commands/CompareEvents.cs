using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Vigil.Application.Compare;
using Vigil.Cli.Infrastructure;
using Vigil.Storage;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil compare --events</c> rendered: the comparison (<see cref="DatasetEventComparer"/>) as text or JSON.</summary>
public sealed class CompareEvents(CliOutput output)
{
    public int Run(IIncidentStore store, IncidentQuery a, IncidentQuery b, string nameA, string nameB, int window, bool json)
    {
        var inv = CultureInfo.InvariantCulture;
        var c = new DatasetEventComparer(store).Compare(new EventComparisonRequest(a, b, window));
        if (c.From is not { } from || c.To is not { } to)
        {
            output.Console.MarkupLine("[yellow]The two datasets have no days in common with these filters.[/]");
            return ExitCodes.Success;
        }
        var (matched, counts, compared, ambiguous, bCount, bMatched) = (c.Matched, c.Counts, c.Compared, c.Ambiguous, c.BRecords, c.BMatched);
        var records = c.ARecords;
        if (json)
        {
            output.Out.WriteLine(JsonSerializer.Serialize(new
            {
                from = from.ToString("yyyy-MM-dd", inv),
                to = to.ToString("yyyy-MM-dd", inv),
                a = new { dataset = nameA, records, compared, matched = matched.Count, ambiguous, only_in_a = compared - matched.Count - ambiguous },
                b = new { dataset = nameB, records = bCount, matched = bMatched, only_in_b = bCount - bMatched },
                blocks = counts.Blocks,
                comparisons = counts.Comparisons,
                pairs = matched.Select(m => new { a = m.Record.Id, b = m.Match!.Id, date = m.Record.Date.Start.ToString("yyyy-MM-dd", inv), district = m.Record.Place.Admin2, why = m.Why }),
            }, CliJson.Options));
            return ExitCodes.Success;
        }
        string Pct(long part, long whole) => whole == 0 ? "–" : (100.0 * part / whole).ToString("0.0", inv) + " %";
        output.Out.WriteLine(string.Create(inv, $"{from:yyyy-MM-dd} to {to:yyyy-MM-dd}, the days both datasets cover; one event = same district, at most {Counted.Of(window, "day")} apart, compatible type, group and figures"));
        output.Out.WriteLine(string.Create(inv, $"{nameA}: {Counted.Of(records, "record")}, {compared:N0} dated to the day with a district; {matched.Count:N0} also in {nameB} ({Pct(matched.Count, compared)}), {ambiguous:N0} ambiguous, {compared - matched.Count - ambiguous:N0} only in {nameA}"));
        output.Out.WriteLine(string.Create(inv, $"{nameB}: {Counted.Of(bCount, "record")}; {bMatched:N0} matched by a record of {nameA} ({Pct(bMatched, bCount)}), {bCount - bMatched:N0} not"));
        var table = new Table().Title("the first pairs taken for one event").Border(TableBorder.Simple)
            .AddColumns("date", "district", $"{nameA} (id, killed)", $"{nameB} (id, killed)", "why");
        foreach (var m in matched.Take(15))
        {
            table.AddRow(m.Record.Date.Start.ToString("yyyy-MM-dd", inv), Markup.Escape(m.Record.Place.Admin2 ?? ""),
                string.Create(inv, $"{m.Record.Id}, {m.Record.Killed.Best?.ToString(inv) ?? "?"}"), string.Create(inv, $"{m.Match!.Id}, {m.Match.Killed.Best?.ToString(inv) ?? "?"}"),
                Markup.Escape(m.Why[(m.Why.IndexOf(": ", StringComparison.Ordinal) + 2)..]));
        }
        if (matched.Count > 0)
            output.Write(table);
        output.Out.WriteLine(string.Create(inv, $"{Counted.Of(counts.Blocks, "block")}, {Counted.Of(counts.Comparisons, "pair")} compared; nothing was merged"));
        return ExitCodes.Success;
    }
}

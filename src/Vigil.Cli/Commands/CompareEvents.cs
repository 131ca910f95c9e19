using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Vigil.Cli.Infrastructure;
using Vigil.Extraction.Merging;
using Vigil.Storage;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil compare --events</c>: two datasets compared record by record over the days both cover. Each record of A
/// is matched with B's records by the merge rule (blocked by district and date window; a dataset's coarse type and
/// either side of a dyad agree); the result says how many of A's records B also holds, how many B holds that A has
/// not, and which pairs were taken for one event and why. Nothing is merged: the datasets stay apart.
/// </summary>
public sealed class CompareEvents(CliOutput output)
{
    public int Run(IIncidentStore store, IncidentQuery a, IncidentQuery b, string nameA, string nameB, int window, bool json)
    {
        var inv = CultureInfo.InvariantCulture;
        var (aFirst, aLast) = store.DateRange(a);
        var (bFirst, bLast) = store.DateRange(b);
        if (aFirst is not { } a1 || aLast is not { } a2 || bFirst is not { } b1 || bLast is not { } b2 || a2 < b1 || b2 < a1)
        {
            output.Console.MarkupLine("[yellow]The two datasets have no days in common with these filters.[/]");
            return ExitCodes.Success;
        }
        var from = a1 > b1 ? a1 : b1;
        var to = a2 < b2 ? a2 : b2;
        var records = store.Query(a with { From = from, To = to, Sort = IncidentSort.Date, Limit = null }).ToList();
        var bCount = store.Count(b with { From = from, To = to, Limit = null });
        var (matches, counts) = new IncidentMatcher(new MergeRule { WindowDays = window })
            .MatchRecords(records, (district, f, t) =>
                [.. store.Query(b with { Districts = [district], From = f < from ? from : f, To = t > to ? to : t, Sort = IncidentSort.Id, Limit = null })]);
        var matched = matches.Where(m => m.Match is not null).ToList();
        var bMatched = matched.Select(m => m.Match!.Id).Distinct().Count();
        var ambiguous = matches.Count(m => m.Ambiguous);
        var compared = matches.Count(m => !m.Why.StartsWith("no district", StringComparison.Ordinal));
        if (json)
        {
            output.Out.WriteLine(JsonSerializer.Serialize(new
            {
                from = from.ToString("yyyy-MM-dd", inv),
                to = to.ToString("yyyy-MM-dd", inv),
                a = new { dataset = nameA, records = records.Count, compared, matched = matched.Count, ambiguous, only_in_a = compared - matched.Count - ambiguous },
                b = new { dataset = nameB, records = bCount, matched = bMatched, only_in_b = bCount - bMatched },
                blocks = counts.Blocks,
                comparisons = counts.Comparisons,
                pairs = matched.Select(m => new { a = m.Record.Id, b = m.Match!.Id, date = m.Record.Date.Start.ToString("yyyy-MM-dd", inv), district = m.Record.Place.Admin2, why = m.Why }),
            }, CliJson.Options));
            return ExitCodes.Success;
        }
        string Pct(long part, long whole) => whole == 0 ? "–" : (100.0 * part / whole).ToString("0.0", inv) + " %";
        output.Out.WriteLine(string.Create(inv, $"{from:yyyy-MM-dd} to {to:yyyy-MM-dd}, the days both datasets cover; one event = same district, at most {window} day(s) apart, compatible type, group and figures"));
        output.Out.WriteLine(string.Create(inv, $"{nameA}: {records.Count:N0} records, {compared:N0} dated to the day with a district; {matched.Count:N0} also in {nameB} ({Pct(matched.Count, compared)}), {ambiguous:N0} ambiguous, {compared - matched.Count - ambiguous:N0} only in {nameA}"));
        output.Out.WriteLine(string.Create(inv, $"{nameB}: {bCount:N0} records; {bMatched:N0} matched by a record of {nameA} ({Pct(bMatched, bCount)}), {bCount - bMatched:N0} not"));
        var table = new Table().Title("the first pairs taken for one event").Border(TableBorder.Simple)
            .AddColumns("date", "district", $"{nameA} (id, killed)", $"{nameB} (id, killed)", "why");
        foreach (var m in matched.Take(15))
        {
            table.AddRow(m.Record.Date.Start.ToString("yyyy-MM-dd", inv), Markup.Escape(m.Record.Place.Admin2 ?? ""),
                string.Create(inv, $"{m.Record.Id}, {m.Record.Killed.Best?.ToString(inv) ?? "?"}"), string.Create(inv, $"{m.Match!.Id}, {m.Match.Killed.Best?.ToString(inv) ?? "?"}"),
                Markup.Escape(m.Why[(m.Why.IndexOf(": ", StringComparison.Ordinal) + 2)..]));
        }
        if (matched.Count > 0)
            output.Console.Write(table);
        output.Out.WriteLine(string.Create(inv, $"{counts.Blocks:N0} blocks, {counts.Comparisons:N0} pairs compared; nothing was merged"));
        return ExitCodes.Success;
    }
}

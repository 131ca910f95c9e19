using Spectre.Console;
using Vigil.Cli.Infrastructure;
using Vigil.Domain.Claims;
using Vigil.Domain.Text;
using Vigil.Extraction;
using Vigil.Extraction.Numbers;
using Vigil.Extraction.Text;

namespace Vigil.Cli.Commands;

/// <summary>The human view of one article's extraction: each value beside the words it was read from.</summary>
internal static class ExtractView
{
    public static void Write(CliOutput output, ArticleExtraction x)
    {
        var table = new Table().Title(Markup.Escape($"{x.Article.Id} (published {x.Article.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"})"))
            .Border(TableBorder.Simple).AddColumns("item", "value", "evidence");
        void Row(string item, string value, string? evidence) => table.AddRow(Markup.Escape(item), Markup.Escape(value), Markup.Escape(evidence ?? ""));

        Row("kind", EnumText<Extraction.Documents.DocumentKind>.Format(x.Document.Kind),
            string.Join(", ", x.Document.Evidence.Where(e => e.Towards == x.Document.Kind).Select(e => e.Cue).Distinct().Take(6)));
        if (x.Report is { } r)
        {
            Row("killed", Range(r.Killed), r.Killed?.Phrase);
            Row("injured", Range(r.Injured), r.Injured?.Phrase);
            Row("date", r.Date is null ? "-" : $"{r.Date.Value.Start:yyyy-MM-dd}..{r.Date.Value.End:yyyy-MM-dd} ({r.Date.Value.Precision}, {r.DateRule})", r.Date?.Evidence);
            Row("place", r.Place is null ? "-" : $"{r.Place.Place.Admin2 ?? "-"}, {r.Place.Place.Admin1 ?? "-"}{(r.Place.Near ? " (near)" : "")}", r.Place?.Text);
            Row("event type", r.EventType is null ? "-" : EnumText<Domain.Incidents.EventType>.Format(r.EventType.Value), r.EventType?.Evidence);
            Row("perpetrator", r.Perpetrator is null ? "-" : $"{r.Perpetrator.Value.Actor.Name ?? "unknown"} ({r.Perpetrator.Value.Certainty?.ToString() ?? "stated"})", r.Perpetrator?.Evidence);
            Row("targets", string.Join(", ", r.Targets.Select(t => EnumText<Domain.Incidents.TargetType>.Format(t.Value))), string.Join(", ", r.Targets.Select(t => t.Evidence)));
        }
        foreach (var c in x.Claims)
            Row("claim", ClaimText(c), c.Evidence is { } e ? x.Text[e.Start..e.End] : null);
        foreach (var g in x.Engagements)
            Row("engagement", $"{g.Who.Value} → {g.Where?.Text ?? "?"} with {g.Counterpart?.Value ?? "?"}; topics: {string.Join("; ", g.Topics.Select(t => t.Value))}", g.When?.Evidence);
        foreach (var b in x.BorderEvents)
            Row("border", $"{b.Kind} of {b.Crossing.Place.Location}{(b.When is null ? "" : $" ({b.When.Value.Start:yyyy-MM-dd}..{b.When.Value.End:yyyy-MM-dd}, {b.WhenRule})")}", x.Text[Math.Min(b.Cue.Start, b.Crossing.Start)..Math.Max(b.Cue.End, b.Crossing.End)]);
        foreach (var m in x.Commitments)
            Row("commitment", $"{m.GiverActor ?? m.Giver?.Value ?? "?"} → {m.Recipient ?? "?"}: {m.Content?.Value ?? string.Join("; ", m.About)}{(m.Hedge is null ? "" : $" ({m.Hedge})")}", x.Text[m.Start..m.End]);
        output.Write(table);
    }

    private static string Range(CasualtyMention? m) =>
        m is null ? "-" : $"{m.Low?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} / {m.Best?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} / {m.High?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} ({m.Rule})";

    private static string ClaimText(Claim c)
    {
        var cmp = c.Comparison switch
        {
            ChangeComparison ch => $", change {ch.Percent:+0;-0}%",
            RecordComparison r => $", {(r.OneOf ? "one of the highest" : r.Rank > 1 ? $"rank {r.Rank}" : "highest")} since {r.Since.Label}",
            AllTimeRecordComparison => ", all-time record",
            _ => "",
        };
        if (c.Baseline is { } b)
            cmp += $", from {b.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} in {b.Period.Label}";
        return $"{EnumText<ClaimMetric>.Format(c.Metric)} {EnumText<ValueQualifier>.Format(c.Qualifier)} {c.Value} in {c.Period.Label} ({c.Scope.Describe()}){cmp}";
    }
}

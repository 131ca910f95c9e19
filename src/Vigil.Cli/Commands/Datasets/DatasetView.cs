using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Vigil.Application.Datasets;
using Vigil.Cli.Infrastructure;
using Vigil.Domain.Datasets;
using Vigil.Domain.Incidents;
using Vigil.Domain.Text;

namespace Vigil.Cli.Commands.Datasets;

/// <summary>How the datasets commands print a dataset.</summary>
internal static class DatasetView
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Json(object value) => JsonSerializer.Serialize(value, CliJson.Options);

    /// <summary>The days it covers in effect, with its gaps: "1970-01-01..2020-12-31 except 1993-01-01..1993-12-31" (a gap a line with <paramref name="lines"/>).</summary>
    public static string Covers(DatasetCoverage c, bool lines = false)
    {
        if (c.EffectiveFrom is null && c.EffectiveTo is null)
            return "no data";
        var text = $"{Day(c.EffectiveFrom)}..{Day(c.EffectiveTo)}";
        if (c.Gaps.Count > 0)
            text += (lines ? "\nexcept " : " except ") + string.Join(lines ? "\n       " : ", ", c.Gaps);
        if (!c.Comprehensive && c.From is null)
            text += (lines ? "\n" : " ") + "(partial: not comprehensive)";
        return text;
    }

    public static string NotRecorded(DatasetCoverage c) => c.NotRecorded.Count == 0 ? "-" : string.Join(", ", c.NotRecorded);

    public static string YesNo(bool value) => value ? "yes" : "no";

    /// <summary>Everything about one dataset, a field a line.</summary>
    public static void Write(CliOutput output, Dataset d)
    {
        var c = d.Coverage;
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        void Row(string label, string value) => grid.AddRow($"[grey]{label}[/]", Markup.Escape(value));
        Row("name", d.Name + (d.Primary ? " (primary: figures that name no dataset count it)" : ""));
        Row("title", d.Title);
        Row("description", Or(d.Description, "-"));
        Row("citation", Or(d.Citation, "-"));
        Row("licence", d.Licence);
        Row("rows shared", d.Redistributable ? "yes" : "no: its licence forbids passing its rows on, so only analysts and admins get them; every reader gets its figures");
        Row("incidents", d.Incidents.ToString("N0", Inv));
        Row("covers", Covers(c));
        Row("declared", c.From is null && c.To is null ? "nothing: the span of its data" : $"{Day(c.From)}..{Day(c.To)}");
        Row("data", c.DataFrom is null ? "none" : $"{Day(c.DataFrom)}..{Day(c.DataTo)}" + (c.WholeYears ? " (published by whole years)" : ""));
        Row("gaps", c.Gaps.Count == 0 ? "none" : string.Join(", ", c.Gaps));
        Row("covered fully", c.Spans() is { Count: > 0 } spans ? string.Join(", ", spans) : "nothing");
        Row("countries", c.Countries.Count == 0 ? "those of its data" : string.Join(", ", c.Countries));
        Row("event types", c.EventTypes.Count == 0 ? "every kind" : string.Join(", ", c.EventTypes.Select(EnumText<EventType>.Format)));
        Row("kinds", Or(c.Kinds, "-"));
        Row("not recorded", c.NotRecorded.Count == 0 ? "nothing: it records killed and injured" : string.Join(", ", c.NotRecorded));
        Row("comprehensive", c.Comprehensive ? "yes" : "no: a period it alone reaches is partial");
        if (c.Continues is { } continued)
            Row("continues", $"{continued} (in the default scope after it)");
        output.Console.Write(grid);
    }

    public static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", Inv) ?? "?";

    private static string Or(string text, string fallback) => text.Length > 0 ? text : fallback;
}

using System.Globalization;
using System.Text.Json;
using Vigil.Domain.Accountability;
using Vigil.Domain.Border;
using Vigil.Domain.Text;
using Vigil.Domain.Time;
using YamlDotNet.Serialization;

namespace Vigil.Accountability.Files;

public enum AccountabilityFormat
{
    Json,
    Yaml,
}

/// <summary>
/// Writes engagements, commitments, crossings and status events as JSON or YAML, in the layout
/// <see cref="AccountabilityFileReader"/> reads: export then import gives the same items. Absent values
/// (null) are left out.
/// </summary>
public static class AccountabilityFileWriter
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static AccountabilityFormat FormatOf(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".yaml" or ".yml" ? AccountabilityFormat.Yaml : AccountabilityFormat.Json;

    public static string Write(AccountabilitySet set, AccountabilityFormat format)
    {
        var graph = Graph(set);
        return format == AccountabilityFormat.Json
            ? JsonSerializer.Serialize(graph, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n"
            : new SerializerBuilder().Build().Serialize(graph);
    }

    private static Dictionary<string, object?> Graph(AccountabilitySet set) => Obj(
        ("engagements", set.Engagements.Select(Engagement).ToList()),
        ("commitments", set.Commitments.Select(Commitment).ToList()),
        ("crossings", set.Crossings.Select(Crossing).ToList()),
        ("status_events", set.StatusEvents.Select(Event).ToList()));

    private static Dictionary<string, object?> Engagement(Engagement e) => Obj(
        ("key", e.Key), ("start", Day(e.Start)), ("end", Day(e.End)), ("place", e.Place), ("format", EnumText<EngagementFormat>.Format(e.Format)),
        ("parties", e.Parties), ("delegation", e.Delegation), ("topics", e.Topics), ("outcome", e.Outcome),
        ("sources", e.Sources.Select(Citation).ToList()), ("sample", e.Sample ? true : null));

    private static Dictionary<string, object?> Commitment(Commitment c) => Obj(
        ("key", c.Key), ("engagement", c.EngagementKey), ("made_on", Day(c.MadeOn)), ("made_by", c.MadeBy), ("made_to", c.MadeTo),
        ("words", c.Words), ("source", Citation(c.Source)), ("category", c.Category), ("deadline", Day(c.Deadline)),
        ("indicator", Indicator(c.Indicator)), ("scores", c.Scores.Select(Score).ToList()), ("sample", c.Sample ? true : null));

    private static Dictionary<string, object?> Indicator(Indicator i) => Obj(
        ("name", i.Name), ("metric", EnumText<IndicatorMetric>.Format(i.Metric)), ("unit", EnumText<PeriodUnit>.Format(i.Unit)),
        ("direction", EnumText<ProgressDirection>.Format(i.Direction)), ("baseline_periods", i.BaselinePeriods), ("after_periods", i.AfterPeriods),
        ("filter", Obj(("countries", i.Filter.Countries), ("provinces", i.Filter.Provinces), ("districts", i.Filter.Districts),
            ("perpetrators", i.Filter.Perpetrators), ("event_types", i.Filter.EventTypes), ("datasets", i.Filter.Datasets), ("crossing", i.Filter.Crossing))));

    private static Dictionary<string, object?> Score(ImplementationScore s) => Obj(
        ("assessed_on", Day(s.AssessedOn)), ("score", s.Score), ("evidence", s.Evidence), ("analyst", s.Analyst), ("source", Citation(s.Source)));

    private static Dictionary<string, object?> Crossing(Crossing c) => Obj(
        ("key", c.Key), ("name", c.Name), ("pakistan_name", c.PakistanName), ("afghanistan_name", c.AfghanistanName), ("region", c.Region),
        ("latitude", c.Latitude), ("longitude", c.Longitude), ("type", c.Type), ("coordinates_source", c.CoordinatesSource));

    private static Dictionary<string, object?> Event(StatusEvent e) => Obj(
        ("crossing", e.CrossingKey), ("status", EnumText<CrossingStatus>.Format(e.Status)), ("from", Day(e.From)), ("reason", e.Reason),
        ("source", Citation(e.Source)), ("sample", e.Sample ? true : null));

    private static Dictionary<string, object?>? Citation(Citation? c) =>
        c is null ? null : Obj(("name", c.Name), ("published", Day(c.Published)), ("url", c.Url));

    private static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", Inv);

    /// <summary>An ordered object without its null values and empty lists.</summary>
    private static Dictionary<string, object?> Obj(params (string Key, object? Value)[] fields)
    {
        var d = new Dictionary<string, object?>();
        foreach (var (key, value) in fields)
        {
            if (value is null || value is System.Collections.ICollection { Count: 0 })
                continue;
            d[key] = value;
        }
        return d;
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Domain.Errors;
using Vigil.Domain.Text;
using Vigil.Domain.Time;

namespace Vigil.Domain.Claims;

/// <summary>
/// Claims as JSON, for <c>vigil check --file</c>, the API and news extraction:
/// <code>{"metric": "killed", "value": 134, "qualifier": "exactly", "period": "2023-01",
///  "scope": {"country": "Pakistan", "province": null, "district": null, "actor": "TTP", "event_types": []},
///  "comparison": {"kind": "change", "percent": 139, "against": "previous-period"}
///             | {"kind": "record", "since": "2018-07", "one_of": true, "top": 3} | {"kind": "all-time"},
///  "dataset": "ucdp-ged" | ["pbc-suicide", "ucdp-ged"], "sources": "independent" | "all" | "party",
///  "text": "the sentence it was read from", "evidence": {"start": 10, "end": 42}}</code>
/// <c>dataset</c> names the datasets to check against, in order of precedence (none: the primary dataset). A
/// field not listed here is refused with its JSON path and place. <c>sources</c> says which sources killed and injured
/// count (independent when absent).
/// Periods are labels of <see cref="Period"/> (2023-01, 2022, 2023-Q1, 2023-W05, 2023-01-15).
/// </summary>
public static class ClaimJson
{
    public static Claim Parse(JsonElement e, string where)
    {
        if (e.ValueKind != JsonValueKind.Object)
            throw Bad(where, "claim", "expected an object");
        var scope = e.TryGetProperty("scope", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
        return new Claim
        {
            Metric = Enum<ClaimMetric>(e, "metric", where) ?? throw Bad(where, "metric", "is required (attacks, killed or injured)"),
            Period = PeriodOf(e, "period", where) ?? throw Bad(where, "period", "is required (e.g. 2023-01)"),
            Value = e.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble()
                : v.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? null : throw Bad(where, "value", "must be a number"),
            Qualifier = Enum<ValueQualifier>(e, "qualifier", where) ?? ValueQualifier.Exactly,
            Scope = (scope.ValueKind == JsonValueKind.Undefined ? new ClaimScope { Datasets = Datasets(e, where) } : new ClaimScope
            {
                Country = Str(scope, "country") ?? "Pakistan",
                Province = Str(scope, "province"),
                District = Str(scope, "district"),
                Actor = Str(scope, "actor"),
                EventTypes = scope.TryGetProperty("event_types", out var types) && types.ValueKind == JsonValueKind.Array
                    ? [.. types.EnumerateArray().Select(t => t.GetString() ?? "")]
                    : [],
                Region = Str(scope, "region"),
                Categories = scope.TryGetProperty("categories", out var cats) && cats.ValueKind == JsonValueKind.Array
                    ? [.. cats.EnumerateArray().Select(t => t.GetString() ?? "")]
                    : [],
                Victims = Str(scope, "victims"),
                Datasets = Datasets(e, where),
            }) with
            { Sources = Enum<Sources.SourceScope>(e, "sources", where) ?? Sources.SourceScope.Independent },
            Comparison = e.TryGetProperty("comparison", out var c) && c.ValueKind == JsonValueKind.Object ? Comparison(c, where) : null,
            Baseline = e.TryGetProperty("baseline", out var b) && b.ValueKind == JsonValueKind.Object ? Baseline(b, where) : null,
            Text = Str(e, "text"),
            Evidence = e.TryGetProperty("evidence", out var ev) && ev.ValueKind == JsonValueKind.Object
                ? new TextSpan(Whole(ev, "start", "evidence.start", where, 0, int.MaxValue) ?? 0, Whole(ev, "end", "evidence.end", where, 0, int.MaxValue) ?? 0)
                : null,
        };
    }

    /// <summary>One claim or an array of them.</summary>
    public static IReadOnlyList<Claim> ParseMany(string json, string file)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InputException(new InputLocation(file, (e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1), "invalid JSON: " + e.Message);
        }
        using (doc)
        {
            ClaimJsonFields.Check(json, file);
            var root = doc.RootElement;
            return root.ValueKind == JsonValueKind.Array
                ? root.EnumerateArray().Select((c, i) => Parse(c, $"{file}: claim {i + 1}")).ToList()
                : [Parse(root, file)];
        }
    }

    public static JsonObject ToJson(Claim claim)
    {
        var o = new JsonObject
        {
            ["metric"] = EnumText<ClaimMetric>.Format(claim.Metric),
            ["period"] = claim.Period.Label,
            ["value"] = claim.Value,
            ["qualifier"] = EnumText<ValueQualifier>.Format(claim.Qualifier),
            ["scope"] = new JsonObject
            {
                ["country"] = claim.Scope.Country,
                ["province"] = claim.Scope.Province,
                ["district"] = claim.Scope.District,
                ["actor"] = claim.Scope.Actor,
                ["event_types"] = new JsonArray([.. claim.Scope.EventTypes.Select(t => (JsonNode?)JsonValue.Create(t))]),
            },
        };
        // Written only when set, so a claim without them reads as before.
        var scopeJson = o["scope"]!.AsObject();
        if (claim.Scope.Region is { } region)
            scopeJson["region"] = region;
        if (claim.Scope.Categories.Count > 0)
            scopeJson["categories"] = new JsonArray([.. claim.Scope.Categories.Select(t => (JsonNode?)JsonValue.Create(t))]);
        if (claim.Scope.Victims is { } victims)
            scopeJson["victims"] = victims;
        if (claim.Scope.Datasets.Count > 0)
            o["dataset"] = new JsonArray([.. claim.Scope.Datasets.Select(d => (JsonNode?)JsonValue.Create(d))]);
        if (claim.Scope.Sources != Sources.SourceScope.Independent)
            o["sources"] = EnumText<Sources.SourceScope>.Format(claim.Scope.Sources);
        o["comparison"] = claim.Comparison switch
        {
            ChangeComparison c => new JsonObject { ["kind"] = "change", ["percent"] = c.Percent, ["against"] = EnumText<ChangeBaseline>.Format(c.Against) },
            RecordComparison r => new JsonObject { ["kind"] = "record", ["since"] = r.Since.Label, ["one_of"] = r.OneOf, ["top"] = r.Top, ["rank"] = r.Rank },
            AllTimeRecordComparison => new JsonObject { ["kind"] = "all-time" },
            _ => null,
        };
        if (claim.Baseline is { } baseline)
            o["baseline"] = new JsonObject { ["period"] = baseline.Period.Label, ["value"] = baseline.Value, ["qualifier"] = EnumText<ValueQualifier>.Format(baseline.Qualifier) };
        if (claim.Text is not null)
            o["text"] = claim.Text;
        if (claim.Evidence is { } span)
            o["evidence"] = new JsonObject { ["start"] = span.Start, ["end"] = span.End };
        return o;
    }

    private static ClaimComparison Comparison(JsonElement c, string where) => Str(c, "kind") switch
    {
        "change" => new ChangeComparison(
            c.TryGetProperty("percent", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetDouble() : throw Bad(where, "comparison.percent", "is required for a change"),
            Enum<ChangeBaseline>(c, "against", where) ?? ChangeBaseline.PreviousPeriod),
        "record" => new RecordComparison(
            PeriodOf(c, "since", where) ?? throw Bad(where, "comparison.since", "is required for a record (e.g. 2018-07)"),
            c.TryGetProperty("one_of", out var one) && one.ValueKind == JsonValueKind.True,
            Whole(c, "top", "comparison.top", where, 1, 100) ?? 3,
            Whole(c, "rank", "comparison.rank", where, 1, 100) ?? 1),
        "all-time" => new AllTimeRecordComparison(),
        var other => throw Bad(where, "comparison.kind", $"'{other}' is not one of: change, record, all-time"),
    };

    private static StatedBaseline Baseline(JsonElement b, string where) => new(
        PeriodOf(b, "period", where) ?? throw Bad(where, "baseline.period", "is required (e.g. 2023-09)"),
        b.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : throw Bad(where, "baseline.value", "is required and must be a number"),
        Enum<ValueQualifier>(b, "qualifier", where) ?? ValueQualifier.Exactly);

    /// <summary>A whole number in a range, or null when absent.</summary>
    private static int? Whole(JsonElement e, string name, string field, string where, int min, int max)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            return null;
        return v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) && n >= min && n <= max
            ? n
            : throw Bad(where, field, $"must be a whole number from {min} to {max}");
    }

    /// <summary>"dataset": one name or an array of names, in order of precedence.</summary>
    private static IReadOnlyList<string> Datasets(JsonElement e, string where)
    {
        if (!e.TryGetProperty("dataset", out var d) || d.ValueKind == JsonValueKind.Null)
            return [];
        if (d.ValueKind == JsonValueKind.String)
            return [d.GetString()!];
        if (d.ValueKind == JsonValueKind.Array && d.EnumerateArray().All(x => x.ValueKind == JsonValueKind.String))
            return [.. d.EnumerateArray().Select(x => x.GetString()!)];
        throw Bad(where, "dataset", "must be a dataset name or an array of them (e.g. \"ucdp-ged\")");
    }

    private static Period? PeriodOf(JsonElement e, string name, string where)
    {
        var text = Str(e, name);
        if (text is null)
            return null;
        return Period.TryParse(text, out var p) ? p : throw Bad(where, name, $"'{text}' is not a period (YYYY-MM, YYYY, YYYY-Qn, YYYY-Www or YYYY-MM-DD)");
    }

    private static T? Enum<T>(JsonElement e, string name, string where) where T : struct, System.Enum
    {
        var text = Str(e, name);
        if (text is null)
            return null;
        return EnumText<T>.TryParse(text, out var value) ? value : throw Bad(where, name, $"'{text}' is not one of: {string.Join(", ", EnumText<T>.All)}");
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static InputException Bad(string where, string field, string problem) => new(new InputLocation(where, null, null, field), problem);
}

using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Storage;
using Vigil.TestSupport.Hostile;

namespace Vigil.Server.Tests.Security.Hostile;

/// <summary>
/// Every query and route parameter of the API (read from its OpenAPI document, so that none can be
/// forgotten) and every field of its JSON bodies, fuzzed with generated hostile values. The property:
/// never a 5xx, and a 400 names the parameter or field.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly ApiFactory _api = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Valid values for parameters a request needs, so that the fuzzed one is what is judged.</summary>
    private static readonly Dictionary<string, string> Baseline = new(StringComparer.Ordinal)
    {
        ["period"] = "2020-01",
        ["month"] = "2020-01",
        ["id"] = "1",
        ["key"] = "torkham",
        ["name"] = "nobody",
    };

    /// <summary>Percent-encodes the UTF-8 of a value (a lone surrogate becomes U+FFFD's bytes, as a browser sends it).</summary>
    internal static string Escape(string value)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~')
                sb.Append((char)b);
            else
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    private static bool Names(string body, string name)
    {
        if (body.Contains(name, StringComparison.OrdinalIgnoreCase))
            return true;
        // Nested fields ("killed.best") may be named by their leaf or their parent.
        return name.Split('.').Any(part => body.Contains(part, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Every_query_and_route_parameter_fuzzed_never_gives_a_5xx_and_a_400_names_the_parameter()
    {
        _api.Seed(3);
        var admin = _api.Client(ApiRole.Admin);
        var doc = JsonNode.Parse(await admin.GetStringAsync("/api/v1/openapi.json", Ct))!;
        var tally = new RequestTally("hostile input (query and route parameters)");
        var operations = 0;
        foreach (var (path, item) in doc["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (method != "get" || operation?["parameters"] is not JsonArray parameters)
                    continue;
                operations++;
                var declared = parameters.Select(p => (Name: (string)p!["name"]!, In: (string)p["in"]!, Required: p["required"]?.GetValue<bool>() == true)).ToList();
                foreach (var (name, where, _) in declared)
                {
                    foreach (var value in HostileValues.For(name.Length * 31 + path.Length, count: 4))
                    {
                        // A NUL in the path is refused by the HTTP layer itself (Kestrel answers 400); the test host cannot send it.
                        if (where == "path" && (value.Contains('\0', StringComparison.Ordinal) || value.Contains("%00", StringComparison.Ordinal)))
                            continue;
                        var url = path;
                        var query = new List<string>();
                        foreach (var p in declared)
                        {
                            var v = p.Name == name ? value : Baseline.GetValueOrDefault(p.Name);
                            if (p.In == "path")
                                url = url.Replace("{" + p.Name + "}", Escape(v ?? "x"), StringComparison.Ordinal);
                            else if (v is not null && (p.Name == name || p.Required))
                                query.Add(p.Name + "=" + Escape(v));
                        }
                        if (query.Count > 0)
                            url += "?" + string.Join("&", query);
                        var response = await admin.GetAsync(url, Ct);
                        var status = (int)response.StatusCode;
                        string? violation = null;
                        if (status >= 500)
                            violation = "server error: " + Clip(await response.Content.ReadAsStringAsync(Ct));
                        else if (status == 400 && !Names(await response.Content.ReadAsStringAsync(Ct), name))
                            violation = $"the 400 does not name '{name}': " + Clip(await response.Content.ReadAsStringAsync(Ct));
                        tally.Add($"GET {Clip(url)}", status, violation);
                    }
                }
            }
        }
        tally.Report($" ({operations} operations)");

        Assert.True(operations >= 15, $"the OpenAPI document lists only {operations} GET operations with parameters");
        Assert.True(tally.Violations.Count == 0, string.Join("\n", tally.Violations));
    }

    /// <summary>The JSON writes: a valid body each, whose fields (and nested fields) are fuzzed one at a time.</summary>
    private static readonly (string Method, string Path, string Body)[] JsonWrites =
    [
        ("POST", "/api/v1/incidents", """{"date_start":"2020-01-05","event_type":"bombing","admin1":"Sindh","admin2":"Karachi","perpetrator":"TTP","latitude":24.8,"longitude":67.0,"killed":{"low":1,"best":2,"high":3},"injured":{"best":4},"sources":[{"name":"Dawn","url":"https://example.org/a"}],"notes":"n"}"""),
        ("PUT", "/api/v1/incidents/1", """{"date_start":"2020-01-05","event_type":"bombing","admin1":"Sindh","killed":{"best":2}}"""),
        ("POST", "/api/v1/keys", """{"name":"fuzz","role":"viewer"}"""),
        ("POST", "/api/v1/claims/check", """{"metric":"killed","value":134,"period":"2023-01","change":139}"""),
        ("POST", "/api/v1/claims/extract-and-check", """{"text":"In January 2023, 134 people were killed across Pakistan.","html":false,"published":"2023-02-01","source":"s","title":"t","dataset":["own"]}"""),
        ("POST", "/api/v1/crossings/torkham/events", """{"status":"closed","from":"2023-02-19","reason":"r"}"""),
        ("POST", "/api/v1/commitments/afg-assurances-ttp-2023-02/scores", """{"assessed_on":"2024-01-01","score":1,"evidence":"e"}"""),
        ("POST", "/api/v1/review/1/accept", """{"killed":14}"""),
    ];

    private static IEnumerable<(string Field, JsonNode Body)> Fuzzed(JsonObject body, string prefix, JsonObject root, IReadOnlyList<string> values)
    {
        foreach (var (name, node) in body.ToList())
        {
            var field = prefix + name;
            if (node is JsonObject nested)
            {
                foreach (var inner in Fuzzed(nested, field + ".", root, values))
                    yield return inner;
            }
            foreach (var value in values)
            {
                var previous = body[name]?.DeepClone();
                body[name] = value;
                yield return (field, root.DeepClone());
                if (System.Text.RegularExpressions.Regex.IsMatch(value, @"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$"))
                {
                    // The same value as a JSON number, not a string.
                    body[name] = JsonNode.Parse(value);
                    yield return (field, root.DeepClone());
                }
                body[name] = previous;
            }
        }
    }

    [Fact]
    public async Task Every_json_field_fuzzed_never_gives_a_5xx_and_a_400_names_the_field()
    {
        var incident = _api.Seed(1)[0];
        var admin = _api.Client(ApiRole.Admin);
        var tally = new RequestTally("hostile input (JSON fields)");
        foreach (var (method, path, text) in JsonWrites)
        {
            var root = JsonNode.Parse(text)!.AsObject();
            foreach (var (field, body) in Fuzzed(root, "", root, HostileValues.For(path.Length, count: 3)))
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = Json.Body(body.ToJsonString()) };
                if (method == "PUT")
                    request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{incident.Id}-{CurrentRevision(incident.Id)}\""));
                var response = await admin.SendAsync(request, Ct);
                var status = (int)response.StatusCode;
                var answer = await response.Content.ReadAsStringAsync(Ct);
                string? violation = status >= 500 ? "server error: " + Clip(answer)
                    : status == 400 && !Names(answer, field) ? $"the 400 does not name '{field}': {Clip(answer)}"
                    : null;
                tally.Add($"{method} {path} {field}", status, violation);
            }
        }
        tally.Report();

        Assert.True(tally.Violations.Count == 0, string.Join("\n", tally.Violations));
    }

    private int CurrentRevision(long id)
    {
        using var store = Storage.Sqlite.SqliteIncidentStore.Open(_api.Database);
        return store.Find(id)!.Revision;
    }

    private static string Clip(string text) => text.Length <= 300 ? text : text[..300] + "...";

    public void Dispose() => _api.Dispose();
}

using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Vigil.Domain.Claims;

namespace Vigil.Extraction;

/// <summary>Extraction results as JSON: snake_case keys, enums in kebab-case, claims in the claim checker's JSON.</summary>
public static class ExtractionJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        IncludeFields = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static JsonObject ToJson(ArticleExtraction x) => new()
    {
        ["id"] = x.Article.Id,
        ["published"] = x.Article.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["source"] = x.Article.Source,
        ["report"] = x.Report is null ? null : JsonSerializer.SerializeToNode(x.Report, Options),
        ["claims"] = new JsonArray([.. x.Claims.Select(c => (JsonNode)ClaimJson.ToJson(c))]),
        ["engagements"] = JsonSerializer.SerializeToNode(x.Engagements, Options),
        ["border_events"] = JsonSerializer.SerializeToNode(x.BorderEvents, Options),
        ["commitments"] = JsonSerializer.SerializeToNode(x.Commitments, Options),
        ["document"] = JsonSerializer.SerializeToNode(x.Document, Options),
    };
}

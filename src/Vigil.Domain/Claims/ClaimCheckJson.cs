using System.Text.Json.Nodes;
using Vigil.Domain.Text;

namespace Vigil.Domain.Claims;

/// <summary>A claim's check as JSON (snake_case), the same for the command line and the API.</summary>
public static class ClaimCheckJson
{
    public static JsonObject ToJson(ClaimCheck check) => new()
    {
        ["claim"] = ClaimJson.ToJson(check.Claim),
        ["verdict"] = EnumText<Verdict>.Format(check.Verdict),
        ["parts"] = new JsonArray([.. check.Parts.Select(p => (JsonNode)new JsonObject
        {
            ["what"] = p.What,
            ["verdict"] = EnumText<Verdict>.Format(p.Verdict),
            ["claimed"] = p.Claimed,
            ["computed"] = p.Computed,
            ["computed_low"] = p.ComputedLow,
            ["computed_high"] = p.ComputedHigh,
            ["difference"] = p.Difference,
            ["tolerance"] = p.Tolerance,
            ["explanation"] = p.Explanation,
        })]),
        ["scope"] = check.Scope is not { } scope ? null : new JsonObject
        {
            ["label"] = scope.Label,
            ["datasets"] = new JsonArray([.. scope.Datasets.Select(d => (JsonNode?)JsonValue.Create(d))]),
            ["primary_default"] = scope.PrimaryDefault,
            ["deduplicated"] = scope.Deduplicated,
            ["covers"] = scope.Covers,
            ["notes"] = new JsonArray([.. scope.Notes.Select(n => (JsonNode?)JsonValue.Create(n))]),
            ["sources"] = scope.Sources,
            ["sources_label"] = scope.SourcesLabel,
        },
        ["incident_ids"] = new JsonArray([.. check.IncidentIds.Select(id => (JsonNode?)JsonValue.Create(id))]),
    };
}

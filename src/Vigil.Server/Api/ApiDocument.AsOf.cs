using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Vigil.Server.Api;

/// <summary>The <c>as_of</c> parameter every reading endpoint takes, in the OpenAPI document.</summary>
public static partial class ApiDocument
{
    /// <summary>Every reading endpoint of the API answers as of a past moment when asked (<see cref="Infrastructure.AsOfRequests"/>).</summary>
    private static void AsOf(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        if (!string.Equals(context.Description.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase)
            || context.Description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) != true)
            return;
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = Infrastructure.AsOfRequests.Parameter,
            In = ParameterLocation.Query,
            Description = "Answer from the data as it was at this moment (2026-03-31T00:00Z; a date alone is the end of that day, UTC): "
                + "edits, merges, links, deletions and imports made since are not seen. Scopes say so in their label. Reading only: a change sent with as_of is refused (400).",
            Example = System.Text.Json.Nodes.JsonValue.Create("2026-03-31T00:00Z"),
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Vigil.Domain.Datasets;

namespace Vigil.Storage.Relational;

/// <summary>How a dataset's declared coverage is kept in <c>datasets.coverage</c>: JSON, kebab-case event types.</summary>
internal static class DatasetJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(DatasetCoverage coverage) =>
        JsonSerializer.Serialize(coverage with { DataFrom = null, DataTo = null }, Options);

    public static DatasetCoverage Read(string json) => JsonSerializer.Deserialize<DatasetCoverage>(json, Options) ?? new DatasetCoverage();
}

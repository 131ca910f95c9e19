using Parquet;
using Parquet.Schema;
using Vigil.Domain.Incidents;

namespace Vigil.Ingestion.Export;

/// <summary>
/// Incidents as Apache Parquet for pandas, R or DuckDB: Vigil's columns, counts as nullable 32-bit integers
/// (null is unknown, not zero), coordinates as doubles, everything else as text; written in row groups of
/// <see cref="RowGroupSize"/> so memory stays bounded.
/// </summary>
public static class VigilParquetWriter
{
    public const int RowGroupSize = 50_000;

    public static async Task<long> WriteAsync(Stream output, IEnumerable<Incident> incidents, CancellationToken ct = default)
    {
        var fields = IncidentFields.All;
        var dataFields = fields.Select(f => f.Name switch
        {
            "id" => (DataField)new DataField<long?>(f.Name),
            "latitude" or "longitude" => new DataField<double?>(f.Name),
            _ when VigilJsonWriter.IsNumber(f.Name) => new DataField<int?>(f.Name),
            _ => new DataField<string>(f.Name),
        }).ToArray();
        var schema = new ParquetSchema(dataFields);
        await using var writer = await ParquetWriter.CreateAsync(schema, output, cancellationToken: ct);
        long count = 0;
        foreach (var batch in incidents.Chunk(RowGroupSize))
        {
            using var group = writer.CreateRowGroup();
            for (var c = 0; c < fields.Length; c++)
            {
                var values = batch.Select(i => fields[c].Get(i)).ToArray();
                switch (dataFields[c])
                {
                    case DataField<long?> f:
                        await group.WriteAsync<long>(f, values.Select(v => v is null ? (long?)null : long.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray().AsMemory(), cancellationToken: ct);
                        break;
                    case DataField<double?> f:
                        await group.WriteAsync<double>(f, values.Select(v => v is null ? (double?)null : double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray().AsMemory(), cancellationToken: ct);
                        break;
                    case DataField<int?> f:
                        await group.WriteAsync<int>(f, values.Select(v => v is null ? (int?)null : int.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray().AsMemory(), cancellationToken: ct);
                        break;
                    default:
                        await group.WriteAsync(dataFields[c], values);
                        break;
                }
            }
            count += batch.Length;
        }
        return count;
    }
}

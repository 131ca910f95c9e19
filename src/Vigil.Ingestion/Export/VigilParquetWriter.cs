using Parquet;
using Parquet.Schema;
using Vigil.Domain.Incidents;

namespace Vigil.Ingestion.Export;

/// <summary>
/// Incidents as Apache Parquet for pandas, R or DuckDB: Vigil's columns with their logical types
/// (<see cref="ExportColumns"/>): <c>id</c> INT64, counts and <c>revision</c> INT32, coordinates DOUBLE, dates DATE,
/// timestamps TIMESTAMP (milliseconds, adjusted to UTC), yes/no fields BOOLEAN, everything else UTF-8 strings
/// (<c>sources</c> its JSON text). Every column is nullable and null is unknown, never 0 or false. Written in row
/// groups of <see cref="RowGroupSize"/> so memory stays bounded.
/// </summary>
public static class VigilParquetWriter
{
    public const int RowGroupSize = 50_000;

    public static async Task<long> WriteAsync(Stream output, IEnumerable<Incident> incidents, CancellationToken ct = default)
    {
        var fields = IncidentFields.All;
        var kinds = fields.Select(f => ExportColumns.KindOf(f.Name)).ToArray();
        var dataFields = fields.Select((f, c) => Field(f.Name, kinds[c])).ToArray();
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(dataFields), output, cancellationToken: ct);
        long count = 0;
        foreach (var batch in incidents.Chunk(RowGroupSize))
        {
            using var group = writer.CreateRowGroup();
            for (var c = 0; c < fields.Length; c++)
            {
                var texts = batch.Select(fields[c].Get).ToArray();
                var field = dataFields[c];
                await (kinds[c] switch
                {
                    ColumnKind.Identifier => group.WriteAsync(field, Values(texts, ExportColumns.Identifier), cancellationToken: ct),
                    ColumnKind.Integer => group.WriteAsync(field, Values(texts, ExportColumns.Integer), cancellationToken: ct),
                    ColumnKind.Real => group.WriteAsync(field, Values(texts, ExportColumns.Real), cancellationToken: ct),
                    ColumnKind.Date => group.WriteAsync(field, Values(texts, ExportColumns.Date), cancellationToken: ct),
                    ColumnKind.Timestamp => group.WriteAsync(field, Values(texts, ExportColumns.Timestamp), cancellationToken: ct),
                    ColumnKind.Boolean => group.WriteAsync(field, Values(texts, ExportColumns.Boolean), cancellationToken: ct),
                    _ => group.WriteAsync(field, texts),
                });
            }
            count += batch.Length;
        }
        return count;
    }

    private static DataField Field(string name, ColumnKind kind) => kind switch
    {
        ColumnKind.Identifier => new DataField<long?>(name),
        ColumnKind.Integer => new DataField<int?>(name),
        ColumnKind.Real => new DataField<double?>(name),
        ColumnKind.Date => new DataField<DateOnly?>(name),
        ColumnKind.Timestamp => new DateTimeDataField(name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis, isNullable: true),
        ColumnKind.Boolean => new DataField<bool?>(name),
        _ => new DataField<string>(name),
    };

    private static ReadOnlyMemory<T?> Values<T>(string?[] texts, Func<string, T> parse) where T : struct =>
        texts.Select(t => t is null ? (T?)null : parse(t)).ToArray();
}

using DuckDB.NET.Data;
using Vigil.Domain.Incidents;
using Vigil.Ingestion.Export;
using Vigil.Ingestion.Tests.Support;
using Vigil.Storage;
using Vigil.TestSupport;
using static Vigil.Ingestion.Tests.Support.ExportSamples;

namespace Vigil.Ingestion.Tests;

/// <summary>The Parquet export read back with DuckDB, a second implementation (the writer is Parquet.Net).</summary>
public sealed class ParquetExportTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly DuckDBConnection _duck = new("Data Source=:memory:");

    public ParquetExportTests() => _duck.Open();

    public void Dispose()
    {
        _duck.Dispose();
        _dir.Dispose();
    }

    private async Task<string> Export(params Incident[] incidents)
    {
        var path = _dir.File("incidents.parquet");
        await using (var file = File.Create(path))
            await VigilParquetWriter.WriteAsync(file, incidents, TestContext.Current.CancellationToken);
        return path;
    }

    private List<object?[]> Query(string sql)
    {
        using var command = _duck.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i))]);
        return rows;
    }

    [Fact]
    public async Task Each_column_has_its_logical_type()
    {
        var path = await Export(Both);

        var types = Query($"DESCRIBE SELECT * FROM read_parquet('{path}')").ToDictionary(r => (string)r[0]!, r => (string)r[1]!);

        Assert.Equal(IncidentFields.Names, types.Keys);
        foreach (var (field, type) in new[]
        {
            ("id", "BIGINT"), ("revision", "INTEGER"), ("date_start", "DATE"), ("date_end", "DATE"), ("latitude", "DOUBLE"),
            ("longitude", "DOUBLE"), ("suicide", "BOOLEAN"), ("killed_low", "INTEGER"), ("killed_best", "INTEGER"), ("killed_high", "INTEGER"),
            ("injured_low", "INTEGER"), ("injured_best", "INTEGER"), ("injured_high", "INTEGER"), ("killed_security_forces", "INTEGER"),
            ("killed_civilians", "INTEGER"), ("killed_militants", "INTEGER"), ("killed_unknown", "INTEGER"), ("perpetrators_included", "BOOLEAN"),
            ("created_at", "TIMESTAMP WITH TIME ZONE"), ("updated_at", "TIMESTAMP WITH TIME ZONE"), ("deleted_at", "TIMESTAMP WITH TIME ZONE"),
            ("dataset", "VARCHAR"), ("event_type", "VARCHAR"), ("notes", "VARCHAR"), ("sources", "VARCHAR"), ("quality_flags", "VARCHAR"),
        })
        {
            Assert.True(types[field] == type, $"{field}: {types[field]}, expected {type}");
        }
        Assert.Equal(["VARCHAR"], types.Where(t => ExportColumns.KindOf(t.Key) is ColumnKind.Text or ColumnKind.Json).Select(t => t.Value).Distinct());
    }

    [Fact]
    public async Task The_file_holds_the_parquet_logical_types_not_just_physical_ones()
    {
        var path = await Export(Both);

        var schema = Query($"SELECT name, type, converted_type, logical_type FROM parquet_schema('{path}')")
            .ToDictionary(r => (string)r[0]!, r => (Type: (string?)r[1], Converted: (string?)r[2], Logical: r[3]?.ToString()));

        Assert.Equal(("INT32", "DATE", "DateType()"), schema["date_start"]);
        // TIMESTAMP as a logical type only (Parquet.Net sets no legacy converted type for it): an instant, in UTC.
        Assert.Equal(("INT64", null), (schema["created_at"].Type, schema["created_at"].Converted));
        Assert.StartsWith("TimestampType(isAdjustedToUTC=1, unit=TimeUnit(MILLIS=", schema["created_at"].Logical, StringComparison.Ordinal);
        Assert.Equal(("BOOLEAN", null), (schema["perpetrators_included"].Type, schema["perpetrators_included"].Converted));
        Assert.Equal(("INT32", "INT_32"), (schema["killed_best"].Type, schema["killed_best"].Converted));
        Assert.Equal(("INT64", "INT_64"), (schema["id"].Type, schema["id"].Converted));
        Assert.Equal(("BYTE_ARRAY", "UTF8"), (schema["notes"].Type, schema["notes"].Converted));
    }

    [Fact]
    public async Task Values_read_back_typed_and_unknown_is_null_never_zero_or_false()
    {
        var path = await Export(Both);

        var rows = Query($"""
            SELECT id, date_start, date_end, created_at, killed_best, killed_security_forces, killed_militants, suicide,
                   perpetrators_included, latitude, notes
            FROM read_parquet('{path}') ORDER BY id
            """);

        Assert.Equal(2, rows.Count);
        var (known, unknowns) = (rows[0], rows[1]);
        Assert.Equal(101L, known[0]);
        Assert.Equal(KnownDay, AsDate(known[1]));
        Assert.Equal(KnownDay, AsDate(known[2]));
        Assert.Equal(Created.UtcDateTime, AsInstant(known[3]));
        Assert.Equal(new object?[] { 12, 4, null, true, true, 34.0086, null }, known[4..]);
        Assert.Equal(new DateOnly(2022, 3, 1), AsDate(unknowns[1]));
        Assert.Equal(new DateOnly(2022, 3, 31), AsDate(unknowns[2]));
        Assert.Equal(new object?[] { null, null, null, false, null, 31.5, Formula }, unknowns[4..]);
        Assert.Equal(2L, Query($"SELECT count(*) FROM read_parquet('{path}') WHERE month(date_start) IN (3, 12) AND deleted_at IS NULL")[0][0]);
    }

    [Fact]
    public async Task The_bundled_UCDP_incidents_sum_in_DuckDB_as_in_the_store()
    {
        using var db = new TestDatabase();
        db.Import(RepoFiles.BundledUcdp);
        var incidents = db.Store.Query(IncidentQuery.All, includeSources: true).ToList();
        var path = _dir.File("ucdp.parquet");
        await using (var file = File.Create(path))
            await VigilParquetWriter.WriteAsync(file, incidents, TestContext.Current.CancellationToken);

        var row = Query($"SELECT count(*), sum(killed_best)::BIGINT, count(killed_best), count(*) FILTER (WHERE perpetrators_included), min(date_start) FROM read_parquet('{path}')")[0];

        Assert.Equal((long)UcdpFile.Events, row[0]);
        Assert.Equal(incidents.Sum(i => (long)(i.Killed.Best ?? 0)), row[1]);
        Assert.Equal((long)incidents.Count(i => i.Killed.Best is not null), row[2]);
        Assert.Equal((long)incidents.Count(i => i.PerpetratorsIncluded == true), row[3]);
        Assert.Equal(incidents.Min(i => i.Date.Start), AsDate(row[4]));
    }

    [Fact]
    public async Task No_incidents_give_a_file_with_the_schema_and_no_rows()
    {
        var path = await Export();

        Assert.Equal(0L, Query($"SELECT count(*) FROM read_parquet('{path}')")[0][0]);
        Assert.Equal("DATE", Query($"DESCRIBE SELECT date_start FROM read_parquet('{path}')")[0][1]);
    }

    private static DateOnly AsDate(object? value) => value switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        _ => throw new Xunit.Sdk.XunitException($"not a date: {value?.GetType()} {value}"),
    };

    private static DateTime AsInstant(object? value) => value switch
    {
        DateTimeOffset o => o.UtcDateTime,
        DateTime t => t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : t,
        _ => throw new Xunit.Sdk.XunitException($"not a timestamp: {value?.GetType()} {value}"),
    };
}

using System.Text;
using System.Text.Json;
using Vigil.Application.Exports;
using Vigil.Domain.Errors;
using Vigil.Domain.Revisions;
using Vigil.Storage;
using Vigil.Storage.Sqlite;
using Vigil.TestSupport;
using Sample = Vigil.TestSupport.Contracts.Incidents;

namespace Vigil.Application.Tests;

public sealed class IncidentExportTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Two incidents in Khyber Pakhtunkhwa, one in Punjab.</summary>
    private SqliteIncidentStore Seeded()
    {
        var store = SqliteIncidentStore.Open(_dir.File("export.db"));
        foreach (var (id, province) in new[] { ("a", "Khyber Pakhtunkhwa"), ("b", "Khyber Pakhtunkhwa"), ("c", "Punjab") })
            store.Create(Sample.Sample(id: id, province: province), new ChangeContext("test", null));
        return store;
    }

    [Fact]
    public async Task A_json_export_holds_exactly_the_incidents_of_the_query()
    {
        using var store = Seeded();
        using var target = new MemoryStream();
        var query = new IncidentQuery { Provinces = ["Khyber Pakhtunkhwa"] };

        var result = await new IncidentExport(store).RunAsync(new IncidentExportRequest(query, "json", target), TestContext.Current.CancellationToken);

        using var json = JsonDocument.Parse(target.ToArray());
        Assert.Equal(2, result.Count);
        Assert.Equal(2, json.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task A_csv_export_of_everything_has_a_header_and_one_line_per_incident()
    {
        using var store = Seeded();
        using var target = new MemoryStream();

        var result = await new IncidentExport(store).RunAsync(new IncidentExportRequest(IncidentQuery.All, "CSV", target), TestContext.Current.CancellationToken);

        var lines = Encoding.UTF8.GetString(target.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, result.Count);
        Assert.Equal(1 + 3, lines.Length);
    }

    [Fact]
    public async Task An_unknown_format_is_refused_naming_format_with_the_formats_listed()
    {
        using var store = Seeded();
        var e = await Assert.ThrowsAsync<FieldException>(() =>
            new IncidentExport(store).RunAsync(new IncidentExportRequest(IncidentQuery.All, "pdf", Stream.Null), TestContext.Current.CancellationToken));
        Assert.Equal("format", e.Field);
        Assert.Equal("'pdf' is not one of: csv, json, jsonl, xlsx, geojson, parquet", e.Problem);
    }
}

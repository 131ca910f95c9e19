using System.Text;
using Vigil.Application.Imports;
using Vigil.Application.Incidents;
using Vigil.Application.Reference;
using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;
using Vigil.Ingestion.Export;
using Vigil.Storage;
using Vigil.Storage.Relational;
using Vigil.Storage.Sqlite;
using Vigil.TestSupport;
using Sample = Vigil.TestSupport.Contracts.Incidents;

namespace Vigil.Application.Tests;

public sealed class FileImportTests : IDisposable
{
    private static readonly DateLimit Limit = new(new DateOnly(2025, 1, 1));
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string CsvOf(string name, params Incident[] incidents)
    {
        var path = _dir.File(name);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        VigilCsvWriter.Write(writer, incidents);
        return path;
    }

    [Fact]
    public void A_file_is_imported_whole_signed_by_its_author_and_logged_as_event_1001()
    {
        var file = CsvOf("three.csv", Sample.Sample(id: "a", day: 1), Sample.Sample(id: "b", day: 2), Sample.Sample(id: "c", day: 3));
        using var db = new RelationalDatabase(SqliteIncidentStore.Open(_dir.File("import.db")));
        var log = new RecordingLogger();

        var result = new FileImport(db, ReferenceData.Bundled, log).Run(new FileImportRequest(file, "analyst:amina", Limit), TestContext.Current.CancellationToken);

        Assert.Equal(3, result.RowsRead);
        Assert.Equal(3, result.Summary.Created);
        Assert.Equal(3, db.Incidents.Count(IncidentQuery.All));
        Assert.Equal(1001, Assert.Single(log.Entries).EventId);
        Assert.Contains("analyst:amina", log.Entries[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_dated_past_the_limit_refuses_the_file_and_writes_nothing()
    {
        var late = Sample.Sample(id: "late") with { Date = IncidentDate.OnDay(new DateOnly(2025, 1, 2)) };
        var file = CsvOf("late.csv", Sample.Sample(id: "ok"), late);
        using var db = new RelationalDatabase(SqliteIncidentStore.Open(_dir.File("late.db")));
        var log = new RecordingLogger();

        var e = Assert.Throws<InputException>(() => new FileImport(db, ReferenceData.Bundled, log).Run(new FileImportRequest(file, "cli:test", Limit), TestContext.Current.CancellationToken));

        Assert.Contains("2025-01-02 is in the future", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, db.Incidents.Count(new IncidentQuery { IncludeDeleted = true }));
        Assert.Empty(log.Entries);
    }

    [Fact]
    public void With_skip_invalid_the_late_row_goes_to_the_rejects_file_and_the_rest_is_imported()
    {
        var late = Sample.Sample(id: "late") with { Date = IncidentDate.OnDay(new DateOnly(2025, 1, 2)) };
        var file = CsvOf("mixed.csv", Sample.Sample(id: "ok"), late);
        var rejects = _dir.File("mixed.rejected.csv");
        using var db = new RelationalDatabase(SqliteIncidentStore.Open(_dir.File("mixed.db")));

        var result = new FileImport(db, ReferenceData.Bundled, new RecordingLogger())
            .Run(new FileImportRequest(file, "cli:test", Limit) { SkipInvalid = true, RejectsPath = rejects }, TestContext.Current.CancellationToken);

        Assert.Equal(1, result.Summary.Created);
        Assert.Equal(1, result.Summary.Rejected);
        Assert.Equal(rejects, result.RejectsFile);
        Assert.Contains("late", File.ReadAllText(rejects), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_format_is_refused_naming_format_before_the_file_is_read()
    {
        using var db = new RelationalDatabase(SqliteIncidentStore.Open(_dir.File("format.db")));
        var e = Assert.Throws<FieldException>(() => new FileImport(db, ReferenceData.Bundled, new RecordingLogger())
            .Run(new FileImportRequest(_dir.File("absent.csv"), "cli:test", Limit) { Format = "excel" }, TestContext.Current.CancellationToken));
        Assert.Equal("format", e.Field);
        Assert.StartsWith("'excel' is not one of: ", e.Problem, StringComparison.Ordinal);
    }
}

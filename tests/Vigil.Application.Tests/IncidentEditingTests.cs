using Microsoft.Data.Sqlite;
using SQLitePCL;
using Vigil.Application.Incidents;
using Vigil.Domain.Incidents;
using Vigil.Domain.Revisions;
using Vigil.Storage.Sqlite;
using Vigil.TestSupport;

namespace Vigil.Application.Tests;

public sealed class IncidentEditingTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    // The samples are dated years ago: a limit far past them keeps the date check out of these tests' way.
    private static readonly DateLimit NoLimit = new(DateOnly.MaxValue);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_replace_reads_the_incident_once_and_writes_it_once()
    {
        using var store = SqliteIncidentStore.Open(_dir.File("edit.db"));
        var created = store.Create(Vigil.TestSupport.Contracts.Incidents.Sample(dataset: "manual", id: "1"), new ChangeContext("analyst:amina", null));
        var statements = new List<string>();
        // SQLite's own trace hook: every statement the connection runs, as the engine sees it (not a count the store keeps).
        raw.sqlite3_trace(((SqliteConnection)store.Connection).Handle, (delegate_trace)((_, sql) => statements.Add(sql.utf8_to_string())), null);

        var updated = new IncidentEditing(store, NoLimit).Replace(created.Id, created.Revision, created with { Notes = "checked by hand", Killed = CasualtyCount.Exactly(7) },
            new ChangeContext("analyst:amina", "FIR"));

        raw.sqlite3_trace(((SqliteConnection)store.Connection).Handle, (delegate_trace?)null, null);
        Assert.Equal(7, updated.Killed.Best);
        Assert.Equal(created.Revision + 1, updated.Revision);
        var reads = statements.Where(s => s.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(reads.Count(s => s.Contains("FROM incidents WHERE id", StringComparison.Ordinal)) == 1, string.Join("\n", reads));
        Assert.True(reads.Count(s => s.Contains("FROM incident_sources", StringComparison.Ordinal)) == 1, string.Join("\n", reads));
        // Besides the incident, the write reads the source registry once, to grade it (docs/method.md, "Sources and grades").
        Assert.True(reads.Count(s => s.Contains("FROM sources", StringComparison.Ordinal)) == 1, string.Join("\n", reads));
        Assert.True(reads.Count == 3, "one read of the incident (its row and its sources) and of the registry, nothing else:\n" + string.Join("\n", reads));
        Assert.Single(statements, s => s.TrimStart().StartsWith("UPDATE incidents", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(updated, store.Find(created.Id)! with { Sources = updated.Sources });
    }

    [Fact]
    public void A_replace_keeps_what_no_editor_may_change()
    {
        using var store = SqliteIncidentStore.Open(_dir.File("protected.db"));
        var created = store.Create(Vigil.TestSupport.Contracts.Incidents.Sample(dataset: "ucdp-ged", id: "425055") with { SourceEventType = "ucdp:type_of_violence=1" }, new ChangeContext("import", null));

        var sent = created with { SourceRecord = new SourceRecordKey("manual", "forged"), SourceEventType = "entered by hand", Notes = "edited" };
        var updated = new IncidentEditing(store, NoLimit).Replace(created.Id, created.Revision, sent, new ChangeContext("analyst:amina", null));

        Assert.Equal(("ucdp-ged", "425055", "ucdp:type_of_violence=1", "edited"),
            (updated.SourceRecord!.Dataset, updated.SourceRecord.RecordId, updated.SourceEventType, updated.Notes));
    }
}

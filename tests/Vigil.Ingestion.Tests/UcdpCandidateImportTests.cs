using System.Globalization;
using System.Text;
using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;
using Vigil.Domain.Revisions;
using Vigil.Ingestion.Tests.Support;
using Vigil.Storage;
using Vigil.TestSupport;

namespace Vigil.Ingestion.Tests;

/// <summary>
/// UCDP Candidate releases, on the real file (bundled in data/ucdp-candidate): their own dataset, placeholder
/// actors read as unknown with the raw code kept, the code status kept; a later release updates with a revision and
/// withdraws what it no longer holds; the GED release supersedes the Candidate events it carries. The expected figures
/// are read from the file by an independent CSV reader.
/// </summary>
public class UcdpCandidateImportTests
{
    private static string File_ => RepoFiles.BundledUcdpCandidate;

    private static readonly ImportOptions Candidate = new() { Format = "ucdp-candidate" };

    [Fact]
    public void Every_row_is_an_event_of_its_own_dataset_with_the_files_deaths()
    {
        var rows = CsvTable.Utf8(File_).Rows;
        using var db = new TestDatabase();
        var result = db.Import(File_, Candidate);

        var stored = db.Store.Query(IncidentQuery.All).ToDictionary(i => i.SourceRecord!.RecordId);
        Assert.Equal(rows.Count, result.Summary.Created);
        Assert.All(stored.Values, i => Assert.Equal("ucdp-candidate", i.SourceRecord!.Dataset));
        Assert.Equal(rows.Select(r => r["id"]).Order(StringComparer.Ordinal), stored.Keys.Order(StringComparer.Ordinal));
        foreach (var country in new[] { "Afghanistan", "Pakistan" })
        {
            var expected = rows.Where(r => r["country"] == country).Sum(r => long.Parse(r["best"], CultureInfo.InvariantCulture));
            Assert.Equal(expected, stored.Values.Where(i => i.Place.Country == country).Sum(i => (long)i.Killed.Best!.Value));
        }
        // Dates written "2026-01-03 00:00:00.000" are that day.
        var first = rows[0];
        Assert.Equal(DateOnly.ParseExact(first["date_start"][..10], "yyyy-MM-dd", CultureInfo.InvariantCulture), stored[first["id"]].Date.Start);
    }

    [Fact]
    public void A_placeholder_actor_is_unknown_never_an_actor_named_XXX770_and_its_code_is_kept()
    {
        var rows = CsvTable.Utf8(File_).Rows;
        var placeholders = rows.Where(r => IsPlaceholder(r["side_a"]) || IsPlaceholder(r["side_b"])).ToList();
        Assert.True(placeholders.Count > 50, $"the file has {placeholders.Count} rows with a placeholder");
        using var db = new TestDatabase();
        db.Import(File_, Candidate);
        var stored = db.Store.Query(IncidentQuery.All).ToDictionary(i => i.SourceRecord!.RecordId);

        foreach (var row in placeholders)
        {
            var incident = stored[row["id"]];
            var parties = new[] { incident.Perpetrator, incident.Target, incident.StateForces, incident.ArmedGroup, incident.OtherParty };
            Assert.DoesNotContain(parties, p => p?.Name is { } name && name.StartsWith("XXX", StringComparison.Ordinal));
            var raw = IsPlaceholder(row["side_a"]) ? row["side_a"] : row["side_b"];
            Assert.Contains($"not yet coded by UCDP: {raw}", incident.Notes, StringComparison.Ordinal);
        }
        // One-sided violence by an actor not yet identified is no militant attack: the actor may be a state.
        Assert.All(placeholders.Where(r => r["type_of_violence"] == "3" && IsPlaceholder(r["side_a"])),
            r => Assert.Equal(EventCategory.Other, stored[r["id"]].Category));
        // No actor anywhere is a placeholder.
        Assert.DoesNotContain(db.Store.Aggregate(IncidentQuery.All, GroupBy.Group).Concat(db.Store.Aggregate(IncidentQuery.All, GroupBy.Perpetrator)), a => a.Key is { } k && k.StartsWith("XXX", StringComparison.Ordinal));
    }

    [Fact]
    public void The_code_status_is_kept_with_each_event()
    {
        var rows = CsvTable.Utf8(File_).Rows;
        using var db = new TestDatabase();
        db.Import(File_, Candidate);
        var stored = db.Store.Query(IncidentQuery.All).ToDictionary(i => i.SourceRecord!.RecordId);

        Assert.All(rows, r => Assert.Contains($"UCDP code status: {r["code_status"]}", stored[r["id"]].Notes, StringComparison.Ordinal));
    }

    [Fact]
    public void Imported_as_GED_the_file_is_refused_at_its_first_row_naming_the_format_to_use()
    {
        using var db = new TestDatabase();
        var refused = Assert.Throws<InputException>(() => db.Import(File_));

        Assert.Contains(":2:", refused.Message, StringComparison.Ordinal);
        Assert.Contains("active_year", refused.Message, StringComparison.Ordinal);
        Assert.Contains("--format ucdp-candidate", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, db.Store.Count(IncidentQuery.All));
    }

    [Fact]
    public void A_later_release_with_one_event_changed_and_one_dropped_gives_one_revision_and_one_withdrawal()
    {
        var table = CsvTable.Utf8(File_);
        using var db = new TestDatabase();
        db.Import(File_, Candidate);

        // The edited release: one event's deaths raised by 3, one event left out.
        var changed = table.Rows[5];
        var dropped = table.Rows[9];
        var edited = db.Folder.File("candidate-edited.csv");
        WriteEdited(table, edited, changed["id"], dropped["id"]);
        var result = db.Import(edited, Candidate);

        Assert.Equal(0, result.Summary.Created);
        Assert.Equal(1, result.Summary.Updated);
        Assert.Equal(table.Rows.Count - 2, result.Summary.Unchanged);
        Assert.Equal(1, result.Withdrawn);
        Assert.Contains(result.Notices, n => n.Contains(dropped["id"], StringComparison.Ordinal) && n.StartsWith("1 event withdrawn", StringComparison.Ordinal));

        var updated = db.Store.Query(IncidentQuery.All).Single(i => i.SourceRecord!.RecordId == changed["id"]);
        Assert.Equal(int.Parse(changed["best"], CultureInfo.InvariantCulture) + 3, updated.Killed.Best);
        Assert.Equal(RevisionKind.Update, db.Store.GetRevisions(updated.Id)[^1].Kind);

        var withdrawn = db.Store.Query(IncidentQuery.All with { IncludeDeleted = true }).Single(i => i.SourceRecord!.RecordId == dropped["id"]);
        Assert.NotNull(withdrawn.DeletedAt);
        var last = db.Store.GetRevisions(withdrawn.Id)[^1];
        Assert.Equal(RevisionKind.Delete, last.Kind);
        Assert.Contains("not in this UCDP Candidate release", last.Reason, StringComparison.Ordinal);
        Assert.Equal(table.Rows.Count - 1, db.Store.Count(IncidentQuery.All));

        // The same release again changes nothing and withdraws nothing more.
        var again = db.Import(edited, Candidate);
        Assert.Equal((0, 0, 0L), (again.Summary.Created, again.Summary.Updated, again.Withdrawn));
    }

    [Fact]
    public void A_release_withdraws_only_within_the_months_it_covers()
    {
        var table = CsvTable.Utf8(File_);
        using var db = new TestDatabase();
        db.Import(File_, Candidate);

        // A July-only release (as UCDP's monthly files are): January to June stay as they were.
        var july = db.Folder.File("candidate-july.csv");
        WriteRows(table, july, table.Rows.Where(r => r["date_start"].StartsWith("2026-07", StringComparison.Ordinal)).Skip(1));
        var result = db.Import(july, Candidate);

        var julyIds = table.Rows.Where(r => r["date_start"].StartsWith("2026-07", StringComparison.Ordinal)).Select(r => r["id"]).ToList();
        Assert.Equal(1, result.Withdrawn);
        Assert.Contains(julyIds[0], result.Notices.Single(), StringComparison.Ordinal);
        Assert.Equal(table.Rows.Count - 1, db.Store.Count(IncidentQuery.All));
    }

    [Fact]
    public void The_GED_release_supersedes_the_Candidate_events_it_carries()
    {
        var table = CsvTable.Utf8(File_);
        using var db = new TestDatabase();
        db.Import(File_, Candidate);

        // A GED release (1/0 for active_year) holding three of the Candidate events, by the same UCDP ids.
        var carried = table.Rows.Where(r => r["country"] == "Pakistan").Take(3).ToList();
        var ged = db.Folder.File("ged.csv");
        WriteRows(table, ged, carried, activeYearAsNumber: true);
        var result = db.Import(ged);

        Assert.Equal("ucdp-ged", result.Format);
        Assert.Equal(3, result.Withdrawn);
        var live = db.Store.Query(IncidentQuery.All).ToList();
        Assert.Equal(table.Rows.Count, live.Count);
        Assert.All(carried, r => Assert.Equal("ucdp-ged", live.Single(i => i.SourceRecord!.RecordId == r["id"]).SourceRecord!.Dataset));
        var superseded = db.Store.Query(IncidentQuery.All with { IncludeDeleted = true, Datasets = ["ucdp-candidate"] })
            .Where(i => i.DeletedAt is not null).ToList();
        Assert.Equal(carried.Select(r => r["id"]).Order(StringComparer.Ordinal), superseded.Select(i => i.SourceRecord!.RecordId).Order(StringComparer.Ordinal));
        Assert.All(superseded, i => Assert.Equal("superseded by the UCDP GED release", db.Store.GetRevisions(i.Id)[^1].Reason));
    }

    private static bool IsPlaceholder(string side) => side.StartsWith("XXX", StringComparison.Ordinal) && side[3..].All(char.IsAsciiDigit);

    /// <summary>
    /// The file as it is, byte for byte, without the dropped event and with the changed one's best, high and
    /// deaths_unknown raised by 3 (the deaths still add up to best): records are cut from the raw text, quotes
    /// respected, so that no other field (53 of them hold line breaks) is touched.
    /// </summary>
    private static void WriteEdited(CsvTable table, string path, string changedId, string droppedId)
    {
        var header = table.Header.ToList();
        var records = RawRecords(File.ReadAllText(File_, Encoding.UTF8));
        var output = new StringBuilder();
        foreach (var record in records)
        {
            var fields = RawFields(record);
            if (fields[0] == droppedId)
                continue;
            if (fields[0] == changedId)
            {
                foreach (var column in new[] { "best", "high", "deaths_unknown" })
                {
                    var i = header.IndexOf(column);
                    fields[i] = (int.Parse(fields[i], CultureInfo.InvariantCulture) + 3).ToString(CultureInfo.InvariantCulture);
                }
                output.Append(string.Join(",", fields)).Append('\n');
                continue;
            }
            output.Append(record).Append('\n');
        }
        File.WriteAllText(path, output.ToString(), new UTF8Encoding(false));
    }

    /// <summary>Each record's raw text (its line break left off), a break inside quotes kept in its field.</summary>
    private static List<string> RawRecords(string text)
    {
        var records = new List<string>();
        var quoted = false;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"')
                quoted = !quoted;
            else if (text[i] == '\n' && !quoted)
            {
                records.Add(text[start..(i > start && text[i - 1] == '\r' ? i - 1 : i)]);
                start = i + 1;
            }
        }
        if (start < text.Length)
            records.Add(text[start..]);
        return records;
    }

    /// <summary>A record's raw fields (quotes kept), split at the commas outside quotes.</summary>
    private static List<string> RawFields(string record)
    {
        var fields = new List<string>();
        var quoted = false;
        var start = 0;
        for (var i = 0; i < record.Length; i++)
        {
            if (record[i] == '"')
                quoted = !quoted;
            else if (record[i] == ',' && !quoted)
            {
                fields.Add(record[start..i]);
                start = i + 1;
            }
        }
        fields.Add(record[start..]);
        return fields;
    }

    private static void WriteRows(CsvTable table, string path, IEnumerable<CsvRecord> rows, bool activeYearAsNumber = false)
    {
        var activeYear = table.Header.ToList().IndexOf("active_year");
        var text = new StringBuilder();
        text.AppendLine(string.Join(",", table.Header.Select(Quote)));
        foreach (var row in rows)
        {
            var fields = row.Fields.ToArray();
            if (activeYearAsNumber)
                fields[activeYear] = fields[activeYear] == "true" ? "1" : "0";
            text.AppendLine(string.Join(",", fields.Select(Quote)));
        }
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }

    private static string Quote(string field) => "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

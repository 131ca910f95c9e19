using System.Diagnostics;
using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;
using Vigil.Ingestion.Csv;
using Vigil.Ingestion.Formats;
using Vigil.Ingestion.Formats.Vigil;
using Vigil.Ingestion.Json;
using Vigil.Ingestion.Normalization;
using Vigil.Storage;

namespace Vigil.Ingestion;

/// <summary>
/// Imports one file into a store: detect or check the format, stream the rows, normalise each, and upsert
/// them in one transaction. Any bad row stops the import and leaves the database unchanged, unless
/// <see cref="ImportOptions.SkipInvalid"/> asks to skip bad rows; then they are written to a rejects file
/// with their reasons.
/// </summary>
public sealed class Importer(IIncidentStore store, IncidentNormalizer normalizer)
{
    private const int ProgressEvery = 2048;

    public ImportResult Import(string path, ImportOptions options, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var shown = options.SourceName ?? path;
        var format = ImportFormats.Resolve(path, options.Format, shown);
        var jsonRecords = ImportFormats.JsonRecordsByName(format) is { } f && ImportFormats.StartsLikeJson(path) ? f : null;
        var json = jsonRecords is not null || format == ImportFormats.VigilJson;
        using var rejects = options.SkipInvalid ? new RejectsWriter(options.RejectsPath ?? DefaultRejectsPath(path, json)) : null;
        var notices = new List<string>();
        var state = new RunState(store.BeginImport(new ImportRequest(format, options.SourceName ?? Path.GetFileName(path), format, options.Author)));
        using (state.Session)
        {
            string sha;
            if (jsonRecords is not null)
                sha = ImportJsonRecords(path, shown, jsonRecords, options, state, rejects, progress, cancellationToken);
            else if (ImportFormats.CsvByName(format) is { } csvFormat)
                sha = ImportCsv(path, shown, csvFormat, options, state, rejects, notices, progress, cancellationToken);
            else
                sha = ImportJson(path, shown, options, state, rejects, progress, cancellationToken);

            if (state.Rows == 0)
                throw new InputException(new InputLocation(shown), "the file has no data rows");
            Releases(format, state, notices);
            var summary = state.Session.Commit(rejects?.Count ?? 0, sha);
            var rejectsFile = rejects?.Complete();
            return new ImportResult(shown, format, state.Rows, summary, rejectsFile, notices, Stopwatch.GetElapsedTime(started)) { Withdrawn = state.Withdrawn };
        }
    }

    private string ImportCsv(string path, string shown, ICsvFormat format, ImportOptions options, RunState state, RejectsWriter? rejects, List<string> notices,
        IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        using var file = CsvFile.Open(path, format.Encoding, displayName: shown);
        var parser = format.Bind(file);
        rejects?.BeginCsv(file.Header);
        // Without --skip-invalid any error ends the import, so the writes can run on a second thread while this
        // one reads; with it, a row refused by the store must be written out with its text, so one thread does all.
        using var pipeline = rejects is null ? new WritePipeline((incident, line) => state.Add(incident, shown, line)) : null;
        long parsed = 0;
        var dateColumn = DateColumn(file.Header);
        file.ForEachRow(
            row =>
            {
                ct.ThrowIfCancellationRequested();
                var result = parser.Parse(row);
                if (result.Incident is null)
                {
                    notices.Add($"{file.DisplayName}:{row.Line}: {result.Skipped} skipped");
                    return;
                }
                var incident = normalizer.Normalize(result.Incident);
                CheckNotFuture(incident, options, file.DisplayName, row.Line, dateColumn);
                if (pipeline is not null)
                    pipeline.Add(incident, row.Line);
                else
                    state.Add(incident, shown, row.Line);
                if (++parsed % ProgressEvery == 0)
                    progress?.Report(new ImportProgress(file.BytesRead, file.Length, parsed));
            },
            (raw, error) =>
            {
                if (rejects is null)
                    throw error;
                state.Rejected++;
                rejects.WriteCsv(raw, error);
            });
        pipeline?.Complete();
        notices.AddRange(file.Warnings);
        notices.AddRange(parser.Finish());
        progress?.Report(new ImportProgress(file.Length, file.Length, parsed));
        return file.Sha256();
    }

    private string ImportJson(string path, string shown, ImportOptions options, RunState state, RejectsWriter? rejects, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var reader = new VigilJsonReader(path, shown);
        var length = new FileInfo(path).Length;
        reader.ForEach(
            (incident, line) =>
            {
                ct.ThrowIfCancellationRequested();
                CheckNotFuture(incident, options, shown, line, null);
                state.Add(normalizer.Normalize(incident), shown, line);
                if (state.Written % ProgressEvery == 0)
                    progress?.Report(new ImportProgress(reader.Stream?.Position ?? 0, length, state.Written));
            },
            (raw, error) => RejectJson(state, rejects, raw, error));
        progress?.Report(new ImportProgress(length, length, state.Written));
        return reader.Sha256;
    }

    /// <summary>A dataset's records as JSON objects (ACLED's API): read one at a time, written as the reading goes.</summary>
    private string ImportJsonRecords(string path, string shown, IJsonRecordFormat format, ImportOptions options, RunState state, RejectsWriter? rejects,
        IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var fields = new JsonFieldSet();
        var parser = format.Bind(fields);
        var reader = new JsonRecordReader(path, shown, fields, format.Name.ToUpperInvariant());
        var length = new FileInfo(path).Length;
        reader.ForEach(
            record =>
            {
                ct.ThrowIfCancellationRequested();
                var result = parser.Parse(record);
                if (result.Incident is null)
                    return;
                var incident = normalizer.Normalize(result.Incident);
                if (options.LatestDate is { } latest && FutureDates.Problem(incident.Date, latest) is { } problem)
                    throw record.Error(DateField(fields), problem.Problem);
                state.Add(incident, shown, record.Line);
                if (state.Written % ProgressEvery == 0)
                    progress?.Report(new ImportProgress(reader.BytesRead, length, state.Written));
            },
            (raw, error) => RejectJson(state, rejects, raw, error));
        progress?.Report(new ImportProgress(length, length, state.Written));
        return reader.Sha256;
    }

    /// <summary>A bad JSON record: the import stops on it, or — with --skip-invalid — it is written to the rejects file and counted.</summary>
    private static void RejectJson(RunState state, RejectsWriter? rejects, string raw, InputException error)
    {
        if (rejects is null)
            throw error;
        state.Rejected++;
        rejects.WriteJson(raw, error);
    }

    /// <summary>A row dated past <see cref="ImportOptions.LatestDate"/> is a bad row, at its line and date column.</summary>
    private static void CheckNotFuture(Incident incident, ImportOptions options, string file, long? line, int? column)
    {
        if (options.LatestDate is { } latest && FutureDates.Problem(incident.Date, latest) is { } problem)
            throw new InputException(new InputLocation(file, line, column ?? 1, problem.Field), problem.Problem);
    }

    private static readonly string[] DateNames = ["date_start", "event_date", "date", "iyear"];

    /// <summary>The field a record's start date is in, by the names the formats use for it (-1: none of them).</summary>
    private static int DateField(JsonFieldSet fields) =>
        DateNames.Select(fields.Find).FirstOrDefault(f => f >= 0, -1);

    /// <summary>The 1-based column a file's start date is in, by the names the formats use for it.</summary>
    private static int? DateColumn(IReadOnlyList<string> header)
    {
        foreach (var name in DateNames)
        {
            for (var i = 0; i < header.Count; i++)
            {
                if (string.Equals(header[i].Trim(), name, StringComparison.OrdinalIgnoreCase))
                    return i + 1;
            }
        }
        return null;
    }

    private static string DefaultRejectsPath(string path, bool json) =>
        Path.GetFileNameWithoutExtension(path) + (json ? ".rejected.jsonl" : ".rejected.csv");

    /// <summary>
    /// UCDP's releases: a Candidate release holds every event UCDP keeps for its months, so the events of those months
    /// it no longer holds are withdrawn; the yearly GED release supersedes the Candidate events it carries. Each
    /// withdrawal is a deletion with a revision saying why, named in the notices.
    /// </summary>
    private static void Releases(string format, RunState state, List<string> notices)
    {
        IReadOnlyList<string> withdrawn = [];
        if (format == Formats.Ucdp.UcdpCandidateFormat.Dataset && state.First is { } first && state.Last is { } last)
        {
            var from = new DateOnly(first.Year, first.Month, 1);
            var to = new DateOnly(last.Year, last.Month, 1).AddMonths(1).AddDays(-1);
            withdrawn = state.Session.Withdraw(format, from, to,
                $"withdrawn: not in this UCDP Candidate release, which covers {from:yyyy-MM} to {to:yyyy-MM}");
        }
        else if (format == Formats.Ucdp.UcdpGedFormat.Dataset)
        {
            withdrawn = state.Session.Supersede(Formats.Ucdp.UcdpCandidateFormat.Dataset, format, "superseded by the UCDP GED release");
        }
        if (withdrawn.Count > 0)
        {
            var events = withdrawn.Count == 1 ? "event" : "events";
            var which = format == Formats.Ucdp.UcdpGedFormat.Dataset
                ? $"UCDP Candidate {events} superseded by this GED release"
                : $"{events} withdrawn (no longer in this release)";
            notices.Add($"{withdrawn.Count:N0} {which}: {string.Join(", ", withdrawn.Take(20))}{(withdrawn.Count > 20 ? ", ..." : "")}");
        }
        state.Withdrawn = withdrawn.Count;
    }

    private sealed class RunState(IImportSession session)
    {
        public IImportSession Session { get; } = session;
        public long Written;
        public long Rejected;
        public long Withdrawn;

        /// <summary>The earliest and latest start dates written.</summary>
        public DateOnly? First, Last;

        public long Rows => Written + Rejected;

        /// <summary>Writes one incident; a record repeated in the file is an error at its line.</summary>
        public void Add(Incident incident, string path, long? line)
        {
            try
            {
                Session.Upsert(incident);
                var start = incident.Date.Start;
                if (First is null || start < First)
                    First = start;
                if (Last is null || start > Last)
                    Last = start;
            }
            catch (DuplicateRecordException e)
            {
                throw new InputException(new InputLocation(path, line, line is null ? null : 1), e.Message);
            }
            Written++;
        }
    }
}

using System.Diagnostics;
using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;
using Vigil.Ingestion.Csv;
using Vigil.Ingestion.Formats;
using Vigil.Ingestion.Formats.Vigil;
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
        var format = ImportFormats.Resolve(path, options.Format);
        using var rejects = options.SkipInvalid ? new RejectsWriter(options.RejectsPath ?? DefaultRejectsPath(path, format)) : null;
        var notices = new List<string>();
        var state = new RunState(store.BeginImport(new ImportRequest(format, Path.GetFileName(path), format, options.Author)));
        using (state.Session)
        {
            string sha;
            if (ImportFormats.CsvByName(format) is { } csvFormat)
                sha = ImportCsv(path, csvFormat, state, rejects, notices, progress, cancellationToken);
            else
                sha = ImportJson(path, state, rejects, progress, cancellationToken);

            if (state.Rows == 0)
                throw new InputException(new InputLocation(path), "the file has no data rows");
            var summary = state.Session.Commit(rejects?.Count ?? 0, sha);
            var rejectsFile = rejects?.Complete();
            return new ImportResult(path, format, state.Rows, summary, rejectsFile, notices, Stopwatch.GetElapsedTime(started));
        }
    }

    private string ImportCsv(string path, ICsvFormat format, RunState state, RejectsWriter? rejects, List<string> notices,
        IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        using var file = CsvFile.Open(path, format.Encoding);
        var parser = format.Bind(file);
        rejects?.BeginCsv(file.Header);
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
                try
                {
                    state.Add(normalizer.Normalize(result.Incident));
                }
                catch (DuplicateRecordException e)
                {
                    throw row.RowError(e.Message);
                }
                if (state.Rows % ProgressEvery == 0)
                    progress?.Report(new ImportProgress(file.BytesRead, file.Length, state.Rows));
            },
            (raw, error) =>
            {
                if (rejects is null)
                    throw error;
                state.Rows++;
                rejects.WriteCsv(raw, error);
            });
        notices.AddRange(parser.Finish());
        progress?.Report(new ImportProgress(file.Length, file.Length, state.Rows));
        return file.Sha256();
    }

    private string ImportJson(string path, RunState state, RejectsWriter? rejects, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var reader = new VigilJsonReader(path, path);
        var length = new FileInfo(path).Length;
        reader.ForEach(
            (incident, line) =>
            {
                ct.ThrowIfCancellationRequested();
                try
                {
                    state.Add(normalizer.Normalize(incident));
                }
                catch (DuplicateRecordException e)
                {
                    throw new InputException(new InputLocation(path, line), e.Message);
                }
                if (state.Rows % ProgressEvery == 0)
                    progress?.Report(new ImportProgress(reader.Stream?.Position ?? 0, length, state.Rows));
            },
            (raw, error) =>
            {
                if (rejects is null)
                    throw error;
                state.Rows++;
                rejects.WriteJson(raw, error);
            });
        progress?.Report(new ImportProgress(length, length, state.Rows));
        return reader.Sha256;
    }

    private static string DefaultRejectsPath(string path, string format) =>
        Path.GetFileNameWithoutExtension(path) + (format == ImportFormats.VigilJson ? ".rejected.jsonl" : ".rejected.csv");

    private sealed class RunState(IImportSession session)
    {
        public IImportSession Session { get; } = session;
        public long Rows;

        public void Add(Incident incident)
        {
            Session.Upsert(incident);
            Rows++;
        }
    }
}

using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Application.Imports;
using Vigil.Application.Incidents;
using Vigil.Application.Reference;
using Vigil.Cli.Infrastructure;
using Vigil.Ingestion;

namespace Vigil.Cli.Commands;

public sealed class ImportCommand(CliOutput output, TimeProvider clock, ILoggerFactory logging, ReferenceData reference) : Command<ImportCommand.Settings>
{
    public sealed class Settings : DatabaseSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("Files or http(s) URLs to import, each in its own transaction: a bad file leaves the database as it was before it. A URL is downloaded to a temporary file first (deleted afterwards).")]
        public string[] Files { get; init; } = [];

        [CommandOption("-f|--format <FORMAT>")]
        [Description("ucdp-ged, ucdp-candidate, pbc-suicide, pbc-drone, acled, gtd, vigil-csv or vigil-json. Default: detected from the file (ucdp-candidate must be given).")]
        public string? Format { get; init; }

        [CommandOption("--skip-invalid")]
        [Description("Import the good rows and write the bad ones, with their reasons, to a rejects file (instead of importing nothing).")]
        public bool SkipInvalid { get; init; }

        [CommandOption("--rejects <PATH>")]
        [Description("Where --skip-invalid writes rejected rows (default: NAME.rejected.csv in the current folder). Only with one file.")]
        public string? Rejects { get; init; }

        [CommandOption("--author <NAME>")]
        [Description("Who is importing, recorded on the import and its revisions (default: $USER).")]
        public string? Author { get; init; }

        [CommandOption("--future-days <N>")]
        [Description("How many days after today an incident may be dated; a later date is a bad row (default 2).")]
        public int FutureDays { get; init; } = Domain.Incidents.FutureDates.DefaultDaysAllowed;

        [CommandOption("--json")]
        [Description("Print the results as JSON.")]
        public bool Json { get; init; }

        [CommandOption("--timeout <SECONDS>")]
        [Description("For a URL: how long the whole download may take, in seconds (default 60).")]
        public int Timeout { get; init; } = (int)DownloadLimits.DefaultTimeout.TotalSeconds;

        [CommandOption("--max-size <SIZE>")]
        [Description("For a URL: the largest download accepted, e.g. 500MB, 2GB or a number of bytes (default 1GB); a larger one is stopped.")]
        public string MaxSize { get; init; } = "1GB";

        internal long MaxBytes => DownloadLimits.ParseSize(MaxSize) ?? DownloadLimits.DefaultMaxBytes;

        public override ValidationResult Validate()
        {
            if (Files.Length == 0)
                return ValidationResult.Error("give at least one file to import");
            if (Rejects is not null && !SkipInvalid)
                return ValidationResult.Error("--rejects needs --skip-invalid");
            if (Rejects is not null && Files.Length > 1)
                return ValidationResult.Error("--rejects can name one file's rejects only; import the files one at a time");
            if (FutureDays < 0)
                return ValidationResult.Error("--future-days: must be zero or more");
            if (FileImport.CheckFormat(Format) is { } format)
                return ValidationResult.Error($"--format: {format.Problem}");
            if (Timeout <= 0)
                return ValidationResult.Error("--timeout: must be a number of seconds above zero");
            if (DownloadLimits.ParseSize(MaxSize) is null)
                return ValidationResult.Error($"--max-size: '{MaxSize}' is not a size such as 500MB, 2GB or a number of bytes");
            if (Files.FirstOrDefault(f => UrlDownload.IsUrl(f) && UrlDownload.Problem(f) is not null) is { } url)
                return ValidationResult.Error(UrlDownload.Problem(url)!);
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var db = settings.OpenStore(clock);
        var import = new FileImport(db, reference, logging.CreateLogger(FileImport.LogCategory));
        var request = new FileImportRequest("", settings.Author ?? "cli:" + Environment.UserName, DateLimit.From(clock, settings.FutureDays))
        {
            Format = settings.Format,
            SkipInvalid = settings.SkipInvalid,
            RejectsPath = settings.Rejects,
        };
        var results = new List<ImportResult>();
        for (var i = 0; i < settings.Files.Length; i++)
        {
            ImportResult result;
            try
            {
                result = Import(import, request, settings, settings.Files[i], cancellationToken);
            }
            catch (Exception) when (settings.Files.Length > 1)
            {
                // Each file is its own transaction: say which were imported and which were never tried.
                output.Error.WriteLine(StoppedAt([.. settings.Files.Select(Shown)], i));
                throw;
            }
            results.Add(result);
            if (!settings.Json)
                Report(result);
        }
        if (settings.Json)
            output.Out.WriteLine(JsonSerializer.Serialize(results.Select(ImportJson.Of), CliJson.Options));
        return ExitCodes.Success;
    }

    /// <summary>Imports a file, or a URL downloaded to a temporary file that is deleted whatever happens.</summary>
    private ImportResult Import(FileImport import, FileImportRequest request, Settings settings, string file, CancellationToken cancellationToken)
    {
        if (!UrlDownload.IsUrl(file))
        {
            return ImportWithProgress.Run(output, file, settings.Json,
                progress => import.Run(request with { File = file, Progress = progress }, cancellationToken));
        }
        using var download = UrlDownload.Fetch(file, new DownloadLimits(TimeSpan.FromSeconds(settings.Timeout), settings.MaxBytes), cancellationToken);
        return ImportWithProgress.Run(output, download.Path, settings.Json,
            progress => import.Run(request with { File = download.Path, SourceName = download.Source, Progress = progress }, cancellationToken));
    }

    /// <summary>A file as given, or a URL with its credentials hidden.</summary>
    private static string Shown(string file) =>
        UrlDownload.IsUrl(file) && Uri.TryCreate(file, UriKind.Absolute, out var uri) ? UrlDownload.Shown(uri) : file;

    internal static string StoppedAt(IReadOnlyList<string> files, int failed)
    {
        var done = failed == 0 ? "none" : string.Join(", ", files.Take(failed));
        var notTried = failed == files.Count - 1 ? "none" : string.Join(", ", files.Skip(failed + 1));
        return $"vigil: stopped at {files[failed]} (nothing from it was written); imported before it: {done}; not attempted: {notTried}";
    }

    private void Report(ImportResult r)
    {
        var s = r.Summary;
        var rate = r.Elapsed.TotalSeconds > 0 ? r.RowsRead / r.Elapsed.TotalSeconds : 0;
        var inv = CultureInfo.InvariantCulture;
        var deleted = s.SkippedDeleted > 0 ? string.Create(inv, $", {s.SkippedDeleted:N0} deleted in Vigil (left deleted)") : "";
        output.Console.MarkupLine(string.Create(inv,
            $"[green]imported[/] {Markup.Escape(r.File)} ([bold]{r.Format}[/], import #{s.ImportId}): {Counted.Of(r.RowsRead, "row")}: {s.Created:N0} created, {s.Updated:N0} updated, {s.Unchanged:N0} unchanged{deleted}, {s.Rejected:N0} rejected in {r.Elapsed.TotalSeconds:0.0} s ({rate:N0} rows/s)"));
        if (r.RejectsFile is not null)
            output.Console.MarkupLine($"[yellow]rejected rows and their reasons:[/] {Markup.Escape(r.RejectsFile)}");
        foreach (var notice in r.Notices)
            output.Console.MarkupLine($"  [grey]{Markup.Escape(notice)}[/]");
    }
}

internal sealed record ImportJson(string File, string Format, long ImportId, long Rows, long Created, long Updated, long Unchanged,
    long SkippedDeleted, long Rejected, string? RejectsFile, double Seconds, IReadOnlyList<string> Notices)
{
    public static ImportJson Of(ImportResult r) => new(r.File, r.Format, r.Summary.ImportId, r.RowsRead, r.Summary.Created,
        r.Summary.Updated, r.Summary.Unchanged, r.Summary.SkippedDeleted, r.Summary.Rejected, r.RejectsFile,
        Math.Round(r.Elapsed.TotalSeconds, 3), r.Notices);
}

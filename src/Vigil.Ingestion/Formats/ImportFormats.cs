using Vigil.Domain.Errors;
using Vigil.Ingestion.Csv;
using Vigil.Ingestion.Formats.Acled;
using Vigil.Ingestion.Formats.Gtd;
using Vigil.Ingestion.Formats.Pbc;
using Vigil.Ingestion.Formats.Ucdp;
using Vigil.Ingestion.Formats.Vigil;
using Vigil.Ingestion.Json;

namespace Vigil.Ingestion.Formats;

/// <summary>Every format Vigil imports, and detection of a file's format from its first bytes or header.</summary>
public static class ImportFormats
{
    public const string VigilJson = "vigil-json";

    public static readonly IReadOnlyList<ICsvFormat> Csv =
    [
        new UcdpGedFormat(), new UcdpCandidateFormat(), new PbcSuicideFormat(), new PbcDroneFormat(), new AcledFormat(), new GtdFormat(), new VigilCsvFormat(),
    ];

    /// <summary>The formats whose records also come as JSON objects (each has a CSV layout of the same name).</summary>
    public static readonly IReadOnlyList<IJsonRecordFormat> JsonRecords = [.. Csv.OfType<IJsonRecordFormat>()];

    public static IReadOnlyList<string> Names { get; } = [.. Csv.Select(f => f.Name), VigilJson];

    public static IJsonRecordFormat? JsonRecordsByName(string name) =>
        JsonRecords.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    public static ICsvFormat? CsvByName(string name) =>
        Csv.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The format's name, checked when given, detected when not.</summary>
    public static string Resolve(string path, string? given, string? displayName = null)
    {
        if (given is not null)
        {
            if (string.Equals(given, VigilJson, StringComparison.OrdinalIgnoreCase) || CsvByName(given) is not null)
                return given.ToLowerInvariant();
            throw new VigilException($"unknown format '{given}'; use one of: {string.Join(", ", Names)}");
        }
        return Detect(path, displayName);
    }

    private static string DetectJson(string path)
    {
        if (JsonShape.Of(path) is not { } shape)
            return VigilJson;
        if (shape.FirstKeys is { } keys && JsonRecords.FirstOrDefault(f => f.Recognises(keys)) is { } format)
            return format.Name;
        // An envelope with no record to go by (an error response, an empty or odd data array) is the API's: its reader says what is wrong.
        return shape.Envelope ? AcledFormat.Dataset : VigilJson;
    }

    /// <summary>
    /// The format of a file: JSON whose first record has a format's keys (or in an API's envelope: ACLED's) is that
    /// format's, other JSON is Vigil's; a CSV file's header says which format it is.
    /// </summary>
    public static string Detect(string path, string? displayName = null)
    {
        var shown = displayName ?? path;
        InputFiles.Check(path, shown);
        if (StartsLikeJson(path))
            return DetectJson(path);
        // Headers are ASCII in every supported format, so Latin-1 reads any of them.
        using var file = CsvFile.Open(path, TextEncoding.Latin1, displayName: shown);
        var format = Csv.FirstOrDefault(f => f.Recognises(file.Header))
            ?? throw new InputException(new InputLocation(shown, 1, 1),
                $"cannot tell the format from the header ({string.Join(", ", file.Header.Take(6))}{(file.Header.Count > 6 ? ", ..." : "")}); give --format, one of: {string.Join(", ", Names)}");
        return format.Name;
    }

    /// <summary>Whether the file's first character (after a byte-order mark and white space) is <c>{</c> or <c>[</c>.</summary>
    public static bool StartsLikeJson(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> head = stackalloc byte[64];
        var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var span = head[..n];
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            span = span[3..];
        foreach (var b in span)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
                continue;
            return b is (byte)'[' or (byte)'{';
        }
        return false;
    }
}

using Vigil.Domain.Errors;
using Vigil.Ingestion.Csv;
using Vigil.Ingestion.Formats.Acled;
using Vigil.Ingestion.Formats.Gtd;
using Vigil.Ingestion.Formats.Pbc;
using Vigil.Ingestion.Formats.Ucdp;
using Vigil.Ingestion.Formats.Vigil;

namespace Vigil.Ingestion.Formats;

/// <summary>Every format Vigil imports, and detection of a file's format from its first bytes or header.</summary>
public static class ImportFormats
{
    public const string VigilJson = "vigil-json";

    public static readonly IReadOnlyList<ICsvFormat> Csv =
    [
        new UcdpGedFormat(), new UcdpCandidateFormat(), new PbcSuicideFormat(), new PbcDroneFormat(), new AcledFormat(), new GtdFormat(), new VigilCsvFormat(),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. Csv.Select(f => f.Name), VigilJson];

    public static ICsvFormat? CsvByName(string name) =>
        Csv.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The format's name, checked when given, detected when not.</summary>
    public static string Resolve(string path, string? given)
    {
        if (given is not null)
        {
            if (string.Equals(given, VigilJson, StringComparison.OrdinalIgnoreCase) || CsvByName(given) is not null)
                return given.ToLowerInvariant();
            throw new VigilException($"unknown format '{given}'; use one of: {string.Join(", ", Names)}");
        }
        return Detect(path);
    }

    public static string Detect(string path)
    {
        InputFiles.Check(path);
        if (StartsLikeJson(path))
            return VigilJson;
        // Headers are ASCII in every supported format, so Latin-1 reads any of them.
        using var file = CsvFile.Open(path, TextEncoding.Latin1);
        var format = Csv.FirstOrDefault(f => f.Recognises(file.Header))
            ?? throw new InputException(new InputLocation(path, 1, 1),
                $"cannot tell the format from the header ({string.Join(", ", file.Header.Take(6))}{(file.Header.Count > 6 ? ", ..." : "")}); give --format, one of: {string.Join(", ", Names)}");
        return format.Name;
    }

    private static bool StartsLikeJson(string path)
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

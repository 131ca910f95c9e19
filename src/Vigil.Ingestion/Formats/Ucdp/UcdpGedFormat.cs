using Vigil.Ingestion.Csv;

namespace Vigil.Ingestion.Formats.Ucdp;

/// <summary>
/// UCDP Georeferenced Event Dataset CSV, including HDX's layout whose second row is HXL hashtags.
/// Deaths are UCDP's low/best/high and by side; all deaths are counted, perpetrators included.
/// </summary>
public sealed class UcdpGedFormat : ICsvFormat
{
    public const string Dataset = "ucdp-ged";

    public string Name => Dataset;
    public string Description => "UCDP GED events (CSV, with or without HDX's HXL tag row)";
    public TextEncoding Encoding => TextEncoding.Utf8;

    public bool Recognises(IReadOnlyList<string> header) =>
        header.Contains("relid") && header.Contains("type_of_violence") && header.Contains("best") && header.Contains("where_prec");

    public ICsvRowParser Bind(CsvFile file) => new UcdpGedRowParser(file, Dataset, candidate: false);
}

/// <summary>
/// UCDP Candidate Events (the monthly, provisional release): GED's layout without the HXL row, active_year as
/// true/false, placeholder actors (XXX770) not yet coded, a code status per event. Its own dataset, with its own
/// coverage; a release withdraws the events of its months it no longer holds, and the yearly GED release supersedes
/// the events it carries. Its header is GED's, so it is chosen with <c>--format ucdp-candidate</c> (a GED import of
/// a Candidate file stops at its first row and says so).
/// </summary>
public sealed class UcdpCandidateFormat : ICsvFormat
{
    public const string Dataset = "ucdp-candidate";

    public string Name => Dataset;
    public string Description => "UCDP Candidate events (monthly, provisional; GED's layout, chosen with --format)";
    public TextEncoding Encoding => TextEncoding.Utf8;

    public bool Recognises(IReadOnlyList<string> header) => false;

    public ICsvRowParser Bind(CsvFile file) => new UcdpGedRowParser(file, Dataset, candidate: true);
}

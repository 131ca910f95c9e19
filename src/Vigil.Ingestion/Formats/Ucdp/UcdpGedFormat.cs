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

    public ICsvRowParser Bind(CsvFile file) => new UcdpGedRowParser(file);
}

using Vigil.Domain.Incidents;
using Vigil.Ingestion.Csv;

namespace Vigil.Ingestion.Formats.Acled;

/// <summary>
/// ACLED's CSV export (the 31-column layout, and the older one with data_id/event_id_no_cnty); its rows are
/// read by <see cref="AcledEventParser"/>.
/// ACLED writes 0 fatalities both for "none" and for "not known", so a 0 is kept as unknown and flagged
/// <see cref="QualityFlags.AmbiguousZero"/>; ACLED records no injuries, so injured is unknown. Its
/// fatality counts include everyone killed, perpetrators too.
/// </summary>
public sealed class AcledFormat : ICsvFormat
{
    public const string Dataset = "acled";

    public string Name => Dataset;
    public string Description => "ACLED events export (CSV)";
    public TextEncoding Encoding => TextEncoding.Utf8;

    public bool Recognises(IReadOnlyList<string> header) =>
        header.Contains("event_id_cnty") && header.Contains("sub_event_type") && header.Contains("fatalities");

    public ICsvRowParser Bind(CsvFile file) => new CsvParser(new AcledEventParser(file));

    private sealed class CsvParser(AcledEventParser events) : ICsvRowParser
    {
        public RowResult Parse(RowView row) => events.Parse(row);
    }
}


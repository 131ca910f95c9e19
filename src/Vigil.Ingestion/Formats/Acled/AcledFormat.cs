using Vigil.Domain.Incidents;
using Vigil.Ingestion.Csv;
using Vigil.Ingestion.Json;

namespace Vigil.Ingestion.Formats.Acled;

/// <summary>
/// ACLED's CSV export (the 31-column layout, and the older one with data_id/event_id_no_cnty), and its API's
/// JSON, whose event objects have the CSV's columns as keys; both are read by one <see cref="AcledEventParser"/>.
/// ACLED writes 0 fatalities both for "none" and for "not known", so a 0 is kept as unknown and flagged
/// <see cref="QualityFlags.AmbiguousZero"/>; ACLED records no injuries, so injured is unknown. Its
/// fatality counts include everyone killed, perpetrators too.
/// </summary>
public sealed class AcledFormat : ICsvFormat, IJsonRecordFormat
{
    public const string Dataset = "acled";

    public string Name => Dataset;
    public string Description => "ACLED events: the CSV export or the API's JSON";
    public TextEncoding Encoding => TextEncoding.Utf8;

    public bool Recognises(IReadOnlyList<string> header) =>
        header.Contains("event_id_cnty") && header.Contains("sub_event_type") && header.Contains("fatalities");

    public ICsvRowParser Bind(CsvFile file) => new CsvParser(new AcledEventParser(file));

    public IJsonRecordParser Bind(JsonFieldSet fields) => new JsonParser(new AcledEventParser(fields));

    private sealed class CsvParser(AcledEventParser events) : ICsvRowParser
    {
        public RowResult Parse(RowView row) => events.Parse(row);
    }

    private sealed class JsonParser(AcledEventParser events) : IJsonRecordParser
    {
        public RowResult Parse(JsonRecord record) => events.Parse(record);
    }
}


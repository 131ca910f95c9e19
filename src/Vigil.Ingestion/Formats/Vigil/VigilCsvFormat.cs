using System.Collections.Frozen;
using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;
using Vigil.Ingestion.Csv;

namespace Vigil.Ingestion.Formats.Vigil;

/// <summary>
/// Vigil's own CSV: the columns of <see cref="IncidentFields"/> (what <c>vigil export --format csv</c>
/// writes). Each row carries its dataset and source id; rows without them (incidents entered by hand in
/// another Vigil) are keyed by their exported id under the dataset <c>vigil-export</c>.
/// </summary>
public sealed class VigilCsvFormat : ICsvFormat
{
    public const string ExportDataset = "vigil-export";

    /// <summary>Fields that hold numbers, dates or codes: never formula-escaped.</summary>
    internal static readonly FrozenSet<string> NonText = FrozenSet.ToFrozenSet(
    [
        "id", "revision", "date_start", "date_end", "date_precision", "latitude", "longitude", "geo_precision",
        "event_type", "target_type", "attribution", "killed_low", "killed_best", "killed_high", "injured_low",
        "injured_best", "injured_high", "killed_security_forces", "killed_civilians", "killed_militants",
        "killed_unknown", "perpetrators_included", "quality_flags", "sources", "created_at", "updated_at", "deleted_at",
    ], StringComparer.Ordinal);

    public string Name => "vigil-csv";
    public string Description => "Vigil's own CSV (what 'vigil export --format csv' writes)";
    public TextEncoding Encoding => TextEncoding.Utf8;

    public bool Recognises(IReadOnlyList<string> header) =>
        header.Contains("date_start") && header.Contains("event_type") && header.Contains("killed_best") && header.Contains("source_id");

    public ICsvRowParser Bind(CsvFile file) => new Parser(file);

    private sealed class Parser : ICsvRowParser
    {
        private readonly Dictionary<string, int> _columns;

        public Parser(CsvFile f)
        {
            foreach (var required in IncidentFieldParser.Required)
                f.Required(required);
            _columns = IncidentFields.Names.Select(n => (n, i: f.IndexOf(n))).Where(p => p.i >= 0).ToDictionary(p => p.n, p => p.i);
        }

        public RowResult Parse(RowView row)
        {
            var values = new Dictionary<string, string?>(_columns.Count, StringComparer.Ordinal);
            foreach (var (name, col) in _columns)
            {
                var text = row.Text(col);
                values[name] = NonText.Contains(name) ? text : FormulaGuard.Unescape(text);
            }
            Incident incident;
            try
            {
                incident = IncidentFieldParser.Parse(n => values.GetValueOrDefault(n));
            }
            catch (FieldException e)
            {
                throw _columns.TryGetValue(e.Field, out var col) ? row.Error(col, e.Problem) : row.RowError($"{e.Field}: {e.Problem}");
            }
            if (incident.SourceRecord is null && incident.Id == 0)
                throw row.RowError("a row needs dataset and source_id, or an id");
            return RowResult.Of(Keyed(incident));
        }
    }

    /// <summary>The record key an exported incident is imported under.</summary>
    internal static Incident Keyed(Incident incident) =>
        incident.SourceRecord is not null || incident.Id == 0
            ? incident
            : incident with { SourceRecord = new SourceRecordKey(ExportDataset, incident.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
}

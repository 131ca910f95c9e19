using Vigil.Domain.Incidents;
using Vigil.Ingestion.Csv;

namespace Vigil.Ingestion.Formats.Pbc;

/// <summary>
/// Pakistan Body Count's suicide-attack file (Latin-1, CRLF). Killed and injured are min/max; best is the
/// min (the confirmed count), or the max when only it is given. The file does not say whether the bombers
/// are counted, so <see cref="Incident.PerpetratorsIncluded"/> stays null.
/// </summary>
public sealed class PbcSuicideFormat : ICsvFormat
{
    public const string Dataset = "pbc-suicide";
    internal const string Rule = "pbc: min/max; best = min, or max when no min is given";

    public string Name => Dataset;
    public string Description => "Pakistan Body Count suicide attacks (CSV, Latin-1)";
    public TextEncoding Encoding => TextEncoding.Latin1;

    public bool Recognises(IReadOnlyList<string> header) =>
        header.Contains("S#") && header.Contains("Killed Min") && header.Contains("No. of Suicide Blasts");

    public ICsvRowParser Bind(CsvFile file) => new Parser(file);

    private sealed class Parser(CsvFile f) : ICsvRowParser
    {
        private readonly int _id = f.Required("S#"), _date = f.Required("Date"), _city = f.Required("City"),
            _lat = f.Required("Latitude"), _lon = f.Required("Longitude"), _province = f.Required("Province"),
            _location = f.Required("Location"), _locationCategory = f.IndexOf("Location Category"),
            _targetType = f.IndexOf("Target Type"), _sect = f.IndexOf("Targeted Sect if any"),
            _killedMin = f.Required("Killed Min"), _killedMax = f.Required("Killed Max"),
            _injuredMin = f.Required("Injured Min"), _injuredMax = f.Required("Injured Max"),
            _blasts = f.IndexOf("No. of Suicide Blasts"), _event = f.IndexOf("Influencing Event/Event");

        public RowResult Parse(RowView row)
        {
            var id = row.Text(_id) ?? throw row.Error(_id, "an attack number (S#) is required");
            var (date, weekdayMatches) = PbcDates.Parse(row, _date);
            var targetRaw = row.Text(_targetType);
            var (place, coordinatesAsGiven, coordinateFlags) = PbcPlace.Read(row, _province, _city, _location, _lat, _lon);
            return RowResult.Of(new Incident
            {
                SourceRecord = new SourceRecordKey(Dataset, id),
                Date = IncidentDate.OnDay(date),
                Place = place,
                EventType = EventType.SuicideBombing,
                Category = EventCategory.MilitantAttack,
                Suicide = true,
                Weapon = Weapon.Explosives,
                EventSubtype = row.Text(_blasts) is { } n && n != "1" && n != "N/A" ? $"{n} suicide blasts" : null,
                SourceEventType = "pbc:suicide attack",
                TargetType = PbcTargets.Classify(targetRaw),
                TargetTypeRaw = targetRaw,
                Killed = FieldParsing.MinMax(row, _killedMin, _killedMax, Rule),
                Injured = FieldParsing.MinMax(row, _injuredMin, _injuredMax, Rule),
                Notes = FieldParsing.Notes(
                    ("location category", row.Text(_locationCategory)),
                    ("targeted sect", row.Text(_sect) is "None" or "NA" ? null : row.Text(_sect)),
                    ("occasion", row.Text(_event)),
                    ("coordinates as given", coordinatesAsGiven)),
                Flags = (weekdayMatches ? QualityFlags.None : QualityFlags.WeekdayMismatch) | coordinateFlags,
            });
        }
    }
}

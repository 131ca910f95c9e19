using System.Globalization;
using Vigil.Domain.Incidents;
using Vigil.Ingestion.Csv;

namespace Vigil.Ingestion.Formats.Pbc;

/// <summary>
/// Pakistan Body Count's US drone-strike file (Latin-1, CRLF). Deaths are min/max ("Total Died Min" and the
/// misspelt "Total Died Mix"); best is the min. The last line is a TOTALS row, not a strike: it is skipped,
/// and at the end its figures are compared with the sums of the rows.
/// </summary>
public sealed class PbcDroneFormat : ICsvFormat
{
    public const string Dataset = "pbc-drone";

    public string Name => Dataset;
    public string Description => "Pakistan Body Count US drone strikes (CSV, Latin-1)";
    public TextEncoding Encoding => TextEncoding.Latin1;

    public bool Recognises(IReadOnlyList<string> header) =>
        header.Contains("S#") && header.Contains("Total Died Min") && header.Contains("No of Strike");

    public ICsvRowParser Bind(CsvFile file) => new Parser(file);

    private sealed class Parser : ICsvRowParser
    {
        private static readonly string[] TotalledColumns =
        [
            "Al-Qaeda", "Taliban", "Civilians Min", "Civilians Max", "Foreigners Min", "Foreigners Max",
            "Total Died Min", "Total Died Mix", "Injured Min", "Injured Max",
        ];

        private readonly CsvFile _file;
        private readonly int _id, _date, _location, _city, _province, _strikes, _alQaeda, _taliban, _civMin, _civMax,
            _forMin, _forMax, _diedMin, _diedMax, _injMin, _injMax, _womenChildren, _site, _comments, _references, _lon, _lat;
        private readonly int[] _totalled;
        private readonly long[] _sums;
        private long[]? _totals;
        private long _totalsLine;
        private int _rows;

        public Parser(CsvFile f)
        {
            _file = f;
            _id = f.Required("S#");
            _date = f.Required("Date");
            _location = f.Required("Location");
            _city = f.Required("City");
            _province = f.Required("Province");
            _strikes = f.IndexOf("No of Strike");
            _alQaeda = f.Required("Al-Qaeda");
            _taliban = f.Required("Taliban");
            _civMin = f.Required("Civilians Min");
            _civMax = f.Required("Civilians Max");
            _forMin = f.IndexOf("Foreigners Min");
            _forMax = f.IndexOf("Foreigners Max");
            _diedMin = f.Required("Total Died Min");
            _diedMax = f.IndexOf("Total Died Mix") is >= 0 and var mix ? mix : f.Required("Total Died Max");
            _injMin = f.Required("Injured Min");
            _injMax = f.Required("Injured Max");
            _womenChildren = f.IndexOf("Women/Children");
            _site = f.IndexOf("Special Mention (Site)");
            _comments = f.IndexOf("Comments");
            _references = f.IndexOf("References");
            _lon = f.Required("Longitude");
            _lat = f.Required("Latitude");
            _totalled = TotalledColumns.Select(c => c == "Total Died Mix" ? _diedMax : f.IndexOf(c)).ToArray();
            _sums = new long[_totalled.Length];
        }

        public RowResult Parse(RowView row)
        {
            var id = row.Text(_id);
            if (id is null && row.IsEmpty(_date))
            {
                if (_totals is not null)
                    throw row.RowError($"a second totals row (the first is on line {_totalsLine})");
                _totals = new long[_totalled.Length];
                for (var i = 0; i < _totalled.Length; i++)
                    _totals[i] = RawNumber(row, _totalled[i]) ?? 0;
                _totalsLine = row.Line;
                return RowResult.Skip("TOTALS row (not a strike)");
            }
            if (id is null)
                throw row.Error(_id, "a strike number (S#) is required");
            if (_totals is not null)
                throw row.RowError($"a strike after the totals row on line {_totalsLine}");

            var (date, weekdayMatches) = PbcDates.Parse(row, _date);
            var (place, coordinatesAsGiven, flags) = PbcPlace.Read(row, _province, _city, _location, _lat, _lon);
            if (!weekdayMatches)
                flags |= QualityFlags.WeekdayMismatch;

            var civilians = RawNumber(row, _civMin);
            var civiliansMax = RawNumber(row, _civMax);
            string? negative = null;
            if (civilians < 0 || civiliansMax < 0)
            {
                flags |= QualityFlags.NegativeCountInSource;
                negative = $"Civilians Min {Show(civilians)}, Civilians Max {Show(civiliansMax)}";
                civilians = civilians < 0 ? null : civilians;
            }
            var alQaeda = row.Count(_alQaeda);
            var taliban = row.Count(_taliban);
            var militants = alQaeda is null && taliban is null ? (int?)null : (alQaeda ?? 0) + (taliban ?? 0);

            var incident = new Incident
            {
                SourceRecord = new SourceRecordKey(Dataset, id),
                Date = IncidentDate.OnDay(date),
                Place = place,
                EventType = EventType.AirOrDroneStrike,
                EventSubtype = "US drone strike",
                SourceEventType = "pbc:drone strike",
                // The file is a list of US strikes on militants: a security operation by the state forces the dataset
                // implies (not named per row); the group struck is not named either.
                Category = EventCategory.SecurityOperation,
                Weapon = Weapon.Aerial,
                StateForces = new ActorRef(null, "United States"),
                Killed = FieldParsing.MinMax(row, _diedMin, _diedMax, PbcSuicideFormat.Rule),
                Injured = FieldParsing.MinMax(row, _injMin, _injMax, PbcSuicideFormat.Rule),
                KilledBreakdown = new CasualtyBreakdown(null, civilians, militants, null) is { IsEmpty: false } b ? b : null,
                Sources = [.. References(row.Text(_references))],
                Notes = FieldParsing.Notes(
                    ("strikes", row.Text(_strikes)),
                    ("site", row.Text(_site)),
                    ("comments", row.Text(_comments)),
                    ("women/children among the dead", row.Text(_womenChildren) switch { "Y" => "yes", "N" => "no", _ => null }),
                    ("foreigners killed", Range(row.Text(_forMin), row.Text(_forMax))),
                    ("as given", negative),
                    ("coordinates as given", coordinatesAsGiven)),
                Flags = flags,
            };

            // Summed only once the row is known good, so a rejected row is not in the sums.
            for (var i = 0; i < _totalled.Length; i++)
                _sums[i] += RawNumber(row, _totalled[i]) ?? 0;
            _rows++;
            return RowResult.Of(incident);
        }

        public IReadOnlyList<string> Finish()
        {
            if (_totals is null)
                return [];
            var mismatches = Enumerable.Range(0, _totalled.Length)
                .Where(i => _totalled[i] >= 0 && _totals[i] != _sums[i])
                .Select(i => $"{TotalledColumns[i]} total {_totals[i]} but rows sum to {_sums[i]}")
                .ToList();
            return mismatches.Count == 0
                ? [$"{_file.DisplayName}:{_totalsLine}: the TOTALS row's figures equal the sums of the {_rows} strikes"]
                : [$"{_file.DisplayName}:{_totalsLine}: WARNING: the TOTALS row disagrees with the strikes: {string.Join("; ", mismatches)}"];
        }

        /// <summary>A number as the file writes it, sign included (the file has negative civilian counts).</summary>
        private static int? RawNumber(RowView row, int col)
        {
            if (col < 0)
                return null;
            var span = row.Span(col);
            if (span.IsEmpty)
                return null;
            return int.TryParse(span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
                ? v
                : throw row.Error(col, $"'{span}' is not a whole number");
        }

        private static string Show(int? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "empty";

        private static string? Range(string? min, string? max) =>
            min is null && max is null ? null : min == max || max is null ? min : min is null ? max : $"{min}-{max}";

        private static IEnumerable<SourceReference> References(string? text)
        {
            if (text is null)
                yield break;
            foreach (var part in text.Split([' ', ';', '\n', '\r', ','], StringSplitOptions.RemoveEmptyEntries))
            {
                if (part.StartsWith("http", StringComparison.OrdinalIgnoreCase))
                    yield return new SourceReference(null, null, null, part);
            }
        }
    }
}

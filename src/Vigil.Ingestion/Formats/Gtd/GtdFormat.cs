using Vigil.Domain.Incidents;
using Vigil.Ingestion.Csv;

namespace Vigil.Ingestion.Formats.Gtd;

/// <summary>
/// The Global Terrorism Database's CSV (codebook column names). <c>iday</c>/<c>imonth</c> 0 mean unknown,
/// so such incidents span the month or year (<c>approxdate</c>, GTD's words for the date, is kept in the notes).
/// <c>nkill</c> counts perpetrators too (<c>nkillter</c> is their share); a blank count, -9 or -99 is unknown. GTD's
/// -9 means "unknown" in its yes/no columns.
/// </summary>
public sealed class GtdFormat : ICsvFormat
{
    public const string Dataset = "gtd";
    private const string Rule = "gtd: nkill/nwound as published, perpetrators included";
    private const string UnknownGroup = "Unknown";

    public string Name => Dataset;
    public string Description => "Global Terrorism Database (CSV, codebook columns)";
    public TextEncoding Encoding => TextEncoding.Utf8;

    /// <summary>
    /// By the codebook's date columns, which only GTD has: a file that lost <c>eventid</c> or <c>nkill</c> is
    /// still GTD, and binding then names every column it lacks.
    /// </summary>
    public bool Recognises(IReadOnlyList<string> header) =>
        header.Contains("iyear") && header.Contains("imonth") && header.Contains("iday");

    public ICsvRowParser Bind(CsvFile file) => new Parser(file);

    private sealed class Parser(CsvFile f) : ICsvRowParser
    {
        private readonly int _id = f.Required("eventid"), _year = f.Required("iyear"), _month = f.Required("imonth"),
            _day = f.Required("iday"), _extended = f.IndexOf("extended"), _resolution = f.IndexOf("resolution"),
            _country = f.Required("country_txt"), _province = f.Required("provstate"), _city = f.Required("city"),
            _lat = f.Required("latitude"), _lon = f.Required("longitude"), _specificity = f.IndexOf("specificity"),
            _summary = f.IndexOf("summary"), _doubt = f.IndexOf("doubtterr"), _success = f.IndexOf("success"), _approxdate = f.IndexOf("approxdate"),
            _suicide = f.IndexOf("suicide"), _attack = f.Required("attacktype1_txt"), _target = f.Required("targtype1_txt"),
            _targetName = f.IndexOf("target1"), _group = f.Required("gname"), _uncertain = f.IndexOf("guncertain1"),
            _claimed = f.IndexOf("claimed"), _nkill = f.Required("nkill"), _nkillter = f.IndexOf("nkillter"),
            _nwound = f.Required("nwound"), _scite1 = f.IndexOf("scite1"), _scite2 = f.IndexOf("scite2"),
            _scite3 = f.IndexOf("scite3"), _weapon = f.IndexOf("weaptype1_txt");

        public RowResult Parse(RowView row)
        {
            var id = row.Text(_id) ?? throw row.Error(_id, "an event id is required");
            var date = Date(row);
            var group = row.Text(_group);
            var attack = row.Text(_attack);
            var suicide = row.Text(_suicide) == "1";
            var killed = Count(row, _nkill);
            var wounded = Count(row, _nwound);
            var militants = Count(row, _nkillter);
            var targetRaw = row.Text(_target);
            var flags = row.Text(_doubt) == "1" ? QualityFlags.Doubtful : QualityFlags.None;

            return RowResult.Of(new Incident
            {
                SourceRecord = new SourceRecordKey(Dataset, id),
                Date = date,
                Place = new Place
                {
                    Country = row.Text(_country),
                    Admin1Raw = row.Text(_province),
                    Admin2Raw = null,
                    Location = row.Text(_city),
                    Latitude = row.Latitude(_lat),
                    Longitude = row.Longitude(_lon),
                    GeoPrecision = row.Text(_specificity) switch
                    {
                        "1" => GeoPrecision.Exact,
                        "2" => GeoPrecision.Near,
                        "3" => GeoPrecision.District,
                        "4" => GeoPrecision.Province,
                        "5" => GeoPrecision.Country,
                        _ => GeoPrecision.Unknown,
                    },
                    GeoPrecisionRaw = row.Text(_specificity) is { } s ? "gtd:" + s : null,
                },
                EventType = Classify(attack, suicide),
                EventSubtype = attack,
                SourceEventType = $"gtd:{attack}" + (suicide ? " (suicide)" : ""),
                // GTD records terrorism by non-state actors: every event is a militant attack. Its "Unknown" group is
                // an unknown perpetrator, not an actor.
                Category = EventCategory.MilitantAttack,
                Suicide = row.Text(_suicide) switch { "1" => true, "0" => false, _ => null },
                Weapon = WeaponOf(row.Text(_weapon)),
                Perpetrator = group is null || group == UnknownGroup ? null : new ActorRef(null, group),
                Target = row.Text(_targetName) is { } t ? new ActorRef(null, t) : null,
                TargetType = TargetOf(targetRaw),
                TargetTypeRaw = targetRaw,
                Attribution = group is null || group == UnknownGroup ? AttributionCertainty.Unknown
                    : row.Text(_claimed) == "1" ? AttributionCertainty.Claimed
                    : AttributionCertainty.Suspected,
                Killed = killed is { } k ? CasualtyCount.Exactly(k, null, Rule) : CasualtyCount.Unknown,
                Injured = wounded is { } w ? CasualtyCount.Exactly(w, null, Rule) : CasualtyCount.Unknown,
                KilledBreakdown = militants is null ? null : new CasualtyBreakdown(null, null, militants, null),
                PerpetratorsIncluded = true,
                Sources = [.. Citations(row.Text(_scite1), row.Text(_scite2), row.Text(_scite3))],
                Notes = FieldParsing.Notes(("", row.Text(_summary)), ("approximate date", row.Text(_approxdate)),
                    ("success", row.Text(_success) switch { "1" => "yes", "0" => "no", _ => null })),
                Flags = flags,
            });
        }

        /// <summary>A count column: GTD writes -9 or -99 for "unknown" (as blank), any other negative is an error.</summary>
        private static int? Count(RowView row, int col) => row.Text(col) is "-9" or "-99" ? null : row.Count(col);

        private static IEnumerable<SourceReference> Citations(params string?[] citations) =>
            citations.OfType<string>().Select(c => new SourceReference(null, null, c, null));

        private IncidentDate Date(RowView row)
        {
            var year = row.Count(_year) ?? throw row.Error(_year, "a year is required");
            var month = row.Count(_month) ?? 0;
            var day = row.Count(_day) ?? 0;
            if (year < IncidentDate.Earliest.Year || year > IncidentDate.Latest.Year)
                throw row.Error(_year, $"year {year:0000} is outside {IncidentDate.Earliest.Year}–{IncidentDate.Latest.Year}: a typo?");
            if (month > 12)
                throw row.Error(_month, $"{month} is not a month (1–12, or 0 for unknown)");
            if (month == 0)
                return IncidentDate.InYear(year);
            if (day > DateTime.DaysInMonth(year, month))
                throw row.Error(_day, $"{day} is not a day of {year}-{month:00} (or 0 for unknown)");
            if (day == 0)
                return IncidentDate.InMonth(year, month);
            var start = new DateOnly(year, month, day);
            if (row.Text(_extended) == "1" && !row.IsEmpty(_resolution))
            {
                var end = FieldParsing.IsoDate(row, _resolution);
                return FieldParsing.Span(row, _day, _resolution, start, end, DatePrecision.Day);
            }
            return IncidentDate.OnDay(start);
        }

        private static EventType Classify(string? attack, bool suicide) => attack switch
        {
            "Bombing/Explosion" => suicide ? EventType.SuicideBombing : EventType.Bombing,
            "Assassination" => EventType.TargetedKilling,
            "Armed Assault" => EventType.ArmedAssault,
            "Hostage Taking (Kidnapping)" or "Hostage Taking (Barricade Incident)" or "Hijacking" => EventType.Kidnapping,
            _ => EventType.Other,
        };

        /// <summary>GTD's <c>weaptype1_txt</c>; "Unknown" and a vehicle used as a weapon are not a weapon class Vigil has.</summary>
        private static Weapon? WeaponOf(string? raw) => raw switch
        {
            "Explosives" or "Explosives/Bombs/Dynamite" => Weapon.Explosives,
            "Firearms" => Weapon.Firearms,
            "Incendiary" => Weapon.Incendiary,
            "Melee" => Weapon.Melee,
            "Chemical" or "Biological" or "Radiological" => Weapon.Chemical,
            "Sabotage Equipment" or "Fake Weapons" or "Other" => Weapon.Other,
            _ => null,
        };

        private static TargetType? TargetOf(string? raw) => raw switch
        {
            null or "Unknown" => null,
            "Military" => TargetType.SecurityForces,
            "Police" => TargetType.Police,
            "Private Citizens & Property" => TargetType.Civilians,
            "Religious Figures/Institutions" => TargetType.Worshippers,
            "Government (General)" => TargetType.Government,
            "Government (Diplomatic)" or "Tourists" => TargetType.Foreigners,
            "Educational Institution" => TargetType.Education,
            "Journalists & Media" => TargetType.Media,
            "Utilities" or "Telecommunication" or "Transportation" or "Airports & Aircraft" or "Food or Water Supply" => TargetType.Infrastructure,
            "Terrorists/Non-State Militia" => TargetType.Militants,
            _ => TargetType.Other,
        };
    }
}

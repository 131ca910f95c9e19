using Vigil.Domain.Incidents;
using Vigil.Ingestion.Csv;

namespace Vigil.Ingestion.Formats.Ucdp;

/// <summary>
/// A row of UCDP's GED layout: the yearly GED release, or a Candidate release (<paramref name="candidate"/>), whose
/// events are provisional — actors not yet coded are placeholders (XXX770), kept raw and read as unknown — and whose
/// code status (how far UCDP has checked the event) is kept in the notes.
/// </summary>
internal sealed class UcdpGedRowParser(CsvFile f, string dataset, bool candidate) : ICsvRowParser
{
    private const string CasualtyRule = "ucdp: low/best/high as published";

    private readonly int _id = f.Required("id"), _typeOfViolence = f.Required("type_of_violence"), _conflictName = f.IndexOf("conflict_name"),
        _sideA = f.Required("side_a"), _sideB = f.Required("side_b"), _sourceArticle = f.IndexOf("source_article"),
        _sourceOffice = f.IndexOf("source_office"), _sourceDate = f.IndexOf("source_date"), _sourceHeadline = f.IndexOf("source_headline"),
        _sourceOriginal = f.IndexOf("source_original"), _wherePrec = f.Required("where_prec"), _whereCoordinates = f.IndexOf("where_coordinates"),
        _whereDescription = f.IndexOf("where_description"), _adm1 = f.Required("adm_1"), _adm2 = f.Required("adm_2"),
        _latitude = f.Required("latitude"), _longitude = f.Required("longitude"), _country = f.Required("country"),
        _eventClarity = f.IndexOf("event_clarity"), _datePrec = f.Required("date_prec"), _dateStart = f.Required("date_start"),
        _dateEnd = f.Required("date_end"), _deathsA = f.Required("deaths_a"), _deathsB = f.Required("deaths_b"),
        _deathsCivilians = f.Required("deaths_civilians"), _deathsUnknown = f.Required("deaths_unknown"), _best = f.Required("best"),
        _high = f.Required("high"), _low = f.Required("low"), _activeYear = f.IndexOf("active_year"), _codeStatus = f.IndexOf("code_status");

    public RowResult Parse(RowView row)
    {
        var id = row.Text(_id);
        if (id is null)
        {
            if (row.Line == 2 && IsHxlTagRow(row))
                return RowResult.Skip("HXL hashtag row");
            throw row.Error(_id, "an event id is required");
        }

        // A Candidate release writes active_year as true/false where GED writes 1/0: one is never read as the other.
        if (!candidate && row.Text(_activeYear) is "true" or "false")
            throw row.Error(_activeYear, "is true/false, as UCDP Candidate releases write it: import this file with --format ucdp-candidate");

        var start = FieldParsing.IsoDate(row, _dateStart);
        var end = row.IsEmpty(_dateEnd) ? start : FieldParsing.IsoDate(row, _dateEnd);
        var date = FieldParsing.Span(row, _dateStart, _dateEnd, start, end, DatePrecisionOf(row));

        // A placeholder (XXX770, XXX700) is an actor UCDP has not identified yet: unknown, with the raw code kept.
        var rawA = row.Text(_sideA);
        var rawB = row.Text(_sideB);
        var sideA = Placeholder(rawA) ? null : rawA;
        var sideB = Placeholder(rawB) ? null : rawB;
        var violence = row.Text(_typeOfViolence);
        var (eventType, subtype) = Classify(violence, sideA, sideB);
        if (violence is not ("1" or "2" or "3"))
            throw row.Error(_typeOfViolence, $"'{violence}' is not a UCDP type of violence (1, 2 or 3)");

        var deathsA = row.Count(_deathsA);
        var deathsB = row.Count(_deathsB);
        var civilians = row.Count(_deathsCivilians);
        var unknown = row.Count(_deathsUnknown);
        var aIsState = IsState(sideA);
        var bIsState = IsState(sideB);

        return RowResult.Of(new Incident
        {
            SourceRecord = new SourceRecordKey(dataset, id),
            Date = date,
            Place = new Place
            {
                Country = row.Text(_country),
                Admin1Raw = row.Text(_adm1),
                Admin2Raw = row.Text(_adm2),
                Location = row.Text(_whereCoordinates),
                Latitude = row.Latitude(_latitude),
                Longitude = row.Longitude(_longitude),
                GeoPrecision = GeoPrecisionOf(row),
                GeoPrecisionRaw = row.Text(_wherePrec) is { } wp ? "ucdp:" + wp : null,
            },
            EventType = eventType,
            EventSubtype = subtype,
            SourceEventType = $"ucdp:type_of_violence={violence}" + (row.Text(_conflictName) is { } conflict ? $" ({conflict})" : ""),
            // One-sided violence by an actor UCDP has not identified yet may be a group's or a state's: not a militant attack.
            Category = violence == "3" && Placeholder(rawA) ? EventCategory.Other : CategoryOf(violence, eventType, aIsState),
            Weapon = eventType == EventType.AirOrDroneStrike ? Weapon.Aerial : null,
            // One-sided violence has an attacker and victims; a state-based or non-state conflict event has sides,
            // and UCDP does not say which began the fighting, so neither is a perpetrator.
            Perpetrator = violence == "3" ? Party(sideA) : null,
            Target = violence == "3" ? Party(sideB) : null,
            TargetType = violence == "3" ? TargetType.Civilians : null,
            StateForces = violence == "1" ? Party(sideA) : null,
            ArmedGroup = violence == "1" && !bIsState ? Party(sideB) : violence == "2" ? Party(sideA) : null,
            OtherParty = violence == "1" && bIsState || violence == "2" ? Party(sideB) : null,
            Killed = new CasualtyCount(row.Count(_low), row.Count(_best), row.Count(_high), null, CasualtyRule),
            KilledBreakdown = new CasualtyBreakdown(
                SecurityForces: Sum(aIsState ? deathsA : null, bIsState ? deathsB : null, aIsState || bIsState),
                Civilians: civilians,
                Militants: Sum(aIsState ? null : deathsA, bIsState ? null : deathsB, !aIsState || !bIsState),
                Unknown: unknown),
            PerpetratorsIncluded = true,
            Sources = [.. FieldParsing.SplitSources(row.Text(_sourceOffice), row.Text(_sourceDate), row.Text(_sourceHeadline))],
            Notes = FieldParsing.Notes(
                ("side A not yet coded by UCDP", Placeholder(rawA) ? rawA : null),
                ("side B not yet coded by UCDP", Placeholder(rawB) ? rawB : null),
                ("UCDP code status", candidate ? row.Text(_codeStatus) : null),
                ("where", row.Text(_whereDescription)),
                ("reported by", row.Text(_sourceOriginal)),
                ("citation", row.Text(_sourceArticle))),
            Flags = row.Text(_eventClarity) == "2" ? QualityFlags.Doubtful : QualityFlags.None,
        });
    }

    /// <summary>UCDP's code for an actor not yet identified: "XXX" and a country code (XXX770 Pakistan, XXX700 Afghanistan).</summary>
    internal static bool Placeholder(string? side) =>
        side is { Length: > 3 } s && s.StartsWith("XXX", StringComparison.Ordinal) && s.AsSpan(3).IndexOfAnyExceptInRange('0', '9') < 0;

    private static bool IsHxlTagRow(RowView row)
    {
        for (var i = 0; i < row.ColCount; i++)
        {
            if (row.Span(i).StartsWith("#"))
                return true;
        }
        return false;
    }

    /// <summary>UCDP date_prec: 1 exact day, 2 within 2–6 days, 3 within the month, 4 within the year, 5 longer.</summary>
    private DatePrecision DatePrecisionOf(RowView row) => row.Text(_datePrec) switch
    {
        "1" => DatePrecision.Day,
        "2" => DatePrecision.Week,
        "3" => DatePrecision.Month,
        "4" => DatePrecision.Year,
        "5" => DatePrecision.Range,
        var other => throw row.Error(_datePrec, $"'{other}' is not a UCDP date precision (1–5)"),
    };

    /// <summary>UCDP where_prec: 1 exact, 2 within 25 km, 3 district, 4 province, 5 a line (border, road), 6 country, 7 sea/air.</summary>
    private GeoPrecision GeoPrecisionOf(RowView row) => row.Text(_wherePrec) switch
    {
        "1" => GeoPrecision.Exact,
        "2" => GeoPrecision.Near,
        "3" => GeoPrecision.District,
        "4" => GeoPrecision.Province,
        "5" or "6" or "7" => GeoPrecision.Country,
        null => GeoPrecision.Unknown,
        var other => throw row.Error(_wherePrec, $"'{other}' is not a UCDP location precision (1–7)"),
    };

    /// <summary>
    /// Vigil's type for a UCDP event. UCDP codes the kind of conflict, not the method: state-based fighting
    /// is a clash, except US strikes in Pakistan (drone strikes) and fighting between two states across the
    /// border; one-sided violence is violence against civilians.
    /// </summary>
    private static (EventType, string) Classify(string? violence, string? sideA, string? sideB) => violence switch
    {
        "1" when sideA == "Government of United States of America" => (EventType.AirOrDroneStrike, "US strike"),
        "1" when IsState(sideA) && IsState(sideB) => (EventType.CrossBorderAttack, "interstate fighting"),
        "1" => (EventType.ArmedClash, "state-based"),
        "2" => (EventType.ArmedClash, "non-state"),
        _ => (EventType.ViolenceAgainstCivilians, "one-sided"),
    };

    /// <summary>
    /// The category of a UCDP event: state-based fighting is an armed clash (UCDP does not record who began it),
    /// except US strikes, which are the state acting (a security operation); non-state fighting is a clash;
    /// one-sided violence is a militant attack when a group commits it and "other" when a state does.
    /// </summary>
    private static EventCategory CategoryOf(string? violence, EventType type, bool aIsState) => violence switch
    {
        "1" when type == EventType.AirOrDroneStrike => EventCategory.SecurityOperation,
        "1" or "2" => EventCategory.ArmedClash,
        _ => aIsState ? EventCategory.Other : EventCategory.MilitantAttack,
    };

    private static ActorRef? Party(string? side) => side is null ? null : new ActorRef(null, side);

    private static bool IsState(string? side) => EventCategories.IsStateName(side);

    private static int? Sum(int? a, int? b, bool applies) => !applies ? null : a is null && b is null ? null : (a ?? 0) + (b ?? 0);
}

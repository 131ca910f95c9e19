using System.Globalization;
using Vigil.Domain.Incidents;
using Vigil.Ingestion.Records;

namespace Vigil.Ingestion.Formats.Acled;

/// <summary>
/// Turns one ACLED event into an incident, reading its fields through <see cref="IRecordFields"/>: a row of the
/// CSV export and an event object of the API's JSON give the same incident.
/// </summary>
internal sealed class AcledEventParser(IFieldBinder f)
{
    private const string FatalityRule = "acled: fatalities, all deaths; 0 means none or unknown";
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d MMMM yyyy", "dd MMMM yyyy", "M/d/yyyy", "d-MMM-yy"];

    private readonly int _id = f.Required("event_id_cnty"), _date = f.Required("event_date"),
        _timePrecision = f.Required("time_precision"), _eventType = f.Required("event_type"),
        _subEventType = f.Required("sub_event_type"), _actor1 = f.Required("actor1"), _actor2 = f.Required("actor2"),
        _country = f.Required("country"), _admin1 = f.Required("admin1"), _admin2 = f.Required("admin2"),
        _location = f.Required("location"), _lat = f.Required("latitude"), _lon = f.Required("longitude"),
        _geoPrecision = f.Required("geo_precision"), _source = f.Required("source"), _notes = f.Required("notes"),
        _fatalities = f.Required("fatalities"), _timestamp = f.IndexOf("timestamp"),
        _inter1 = f.IndexOf("inter1"), _inter2 = f.IndexOf("inter2");

    public RowResult Parse<TRecord>(TRecord row)
        where TRecord : IRecordFields, allows ref struct
    {
        var id = row.Text(_id) ?? throw row.Error(_id, "an event id is required");
        var text = row.Text(_date) ?? throw row.Error(_date, "a date is required");
        if (!DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            throw row.Error(_date, $"'{text}' is not a date like 2023-01-30 or 30 January 2023");
        FieldParsing.InRange(row, _date, day);

        var fatalities = row.Count(_fatalities);
        var flags = QualityFlags.None;
        CasualtyCount killed;
        if (fatalities is null or 0)
        {
            killed = new CasualtyCount(null, null, null, fatalities is null ? null : "0", FatalityRule);
            flags |= fatalities is null ? QualityFlags.None : QualityFlags.AmbiguousZero;
        }
        else
        {
            killed = CasualtyCount.Exactly(fatalities.Value, null, FatalityRule);
        }

        var eventType = row.Text(_eventType);
        var subType = row.Text(_subEventType);
        var actor2 = row.Text(_actor2);
        var parties = AcledParties.Of(eventType, subType, row.Text(_actor1), row.Text(_inter1), actor2, row.Text(_inter2));
        return RowResult.Of(new Incident
        {
            SourceRecord = new SourceRecordKey(AcledFormat.Dataset, id),
            Date = Precision(row, day),
            Place = new Place
            {
                Country = row.Text(_country),
                Admin1Raw = row.Text(_admin1),
                Admin2Raw = row.Text(_admin2),
                Location = row.Text(_location),
                Latitude = row.Latitude(_lat),
                Longitude = row.Longitude(_lon),
                GeoPrecision = row.Text(_geoPrecision) switch
                {
                    "1" => GeoPrecision.Exact,
                    "2" => GeoPrecision.Near,
                    "3" => GeoPrecision.District,
                    null => GeoPrecision.Unknown,
                    var other => throw row.Error(_geoPrecision, $"'{other}' is not an ACLED geo precision (1–3)"),
                },
                GeoPrecisionRaw = row.Text(_geoPrecision) is { } gp ? "acled:" + gp : null,
            },
            EventType = AcledTypes.Classify(eventType, subType),
            EventSubtype = subType,
            SourceEventType = $"acled:{eventType}/{subType}",
            Category = parties.Category,
            Perpetrator = parties.Perpetrator,
            Target = parties.Target,
            StateForces = parties.StateForces,
            ArmedGroup = parties.ArmedGroup,
            OtherParty = parties.OtherParty,
            Suicide = subType == "Suicide bomb" ? true : null,
            Weapon = AcledTypes.WeaponOf(subType),
            TargetType = parties.Target is null ? null : AcledTypes.TargetOf(actor2),
            Killed = killed,
            Injured = new CasualtyCount(null, null, null, null, "acled: injuries not recorded"),
            PerpetratorsIncluded = true,
            Sources = [.. (row.Text(_source) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => new SourceReference(s, null, null, null))],
            Notes = FieldParsing.Notes(("", row.Text(_notes)), ("acled timestamp", row.Text(_timestamp))),
            Flags = flags,
        });
    }

    /// <summary>ACLED time_precision: 1 the day, 2 within a week, 3 within the month.</summary>
    private IncidentDate Precision<TRecord>(TRecord row, DateOnly day)
        where TRecord : IRecordFields, allows ref struct => row.Text(_timePrecision) switch
        {
            "1" or null => IncidentDate.OnDay(day),
            "2" => new IncidentDate(day, day, DatePrecision.Week),
            "3" => new IncidentDate(day, day, DatePrecision.Month),
            var other => throw row.Error(_timePrecision, $"'{other}' is not an ACLED time precision (1–3)"),
        };
}

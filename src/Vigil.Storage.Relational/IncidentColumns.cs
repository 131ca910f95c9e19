using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using Vigil.Domain.Incidents;
using Vigil.Domain.Sources;
using Vigil.Domain.Text;

namespace Vigil.Storage.Relational;

/// <summary>
/// How an <see cref="Incident"/> maps to a row of the <c>incidents</c> table. Column names are those of
/// <see cref="IncidentFields"/>; values are typed (integers stay integers so SUM works in SQL).
/// </summary>
internal static class IncidentColumns
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The columns written on insert and update, in order (id is assigned by the database).</summary>
    public static readonly ImmutableArray<(string Name, Func<Incident, object?> Get)> Written =
    [
        ("revision", i => i.Revision),
        ("dataset", i => i.SourceRecord?.Dataset),
        ("source_id", i => i.SourceRecord?.RecordId),
        ("date_start", i => Day(i.Date.Start)),
        ("date_end", i => Day(i.Date.End)),
        ("date_precision", i => EnumText<DatePrecision>.Format(i.Date.Precision)),
        ("country", i => i.Place.Country),
        ("admin1", i => i.Place.Admin1),
        ("admin1_raw", i => i.Place.Admin1Raw),
        ("admin2", i => i.Place.Admin2),
        ("admin2_raw", i => i.Place.Admin2Raw),
        ("location", i => i.Place.Location),
        ("latitude", i => i.Place.Latitude),
        ("longitude", i => i.Place.Longitude),
        ("geo_precision", i => EnumText<GeoPrecision>.Format(i.Place.GeoPrecision)),
        ("geo_precision_raw", i => i.Place.GeoPrecisionRaw),
        ("event_type", i => EnumText<EventType>.Format(i.EventType)),
        ("event_subtype", i => i.EventSubtype),
        ("source_event_type", i => i.SourceEventType),
        ("perpetrator", i => i.Perpetrator?.Name),
        ("perpetrator_raw", i => i.Perpetrator?.Raw),
        ("target", i => i.Target?.Name),
        ("target_raw", i => i.Target?.Raw),
        ("target_type", i => i.TargetType is { } t ? EnumText<TargetType>.Format(t) : null),
        ("target_type_raw", i => i.TargetTypeRaw),
        ("attribution", i => i.Attribution is { } a ? EnumText<AttributionCertainty>.Format(a) : null),
        ("category", i => EnumText<EventCategory>.Format(i.Category)),
        ("state_forces", i => i.StateForces?.Name),
        ("state_forces_raw", i => i.StateForces?.Raw),
        ("armed_group", i => i.ArmedGroup?.Name),
        ("armed_group_raw", i => i.ArmedGroup?.Raw),
        ("other_party", i => i.OtherParty?.Name),
        ("other_party_raw", i => i.OtherParty?.Raw),
        ("suicide", i => i.Suicide is { } s ? (s ? 1 : 0) : null),
        ("weapon", i => i.Weapon is { } w ? EnumText<Weapon>.Format(w) : null),
        ("killed_low", i => i.Killed.Low),
        ("killed_best", i => i.Killed.Best),
        ("killed_high", i => i.Killed.High),
        ("killed_phrase", i => i.Killed.Phrase),
        ("killed_rule", i => i.Killed.Rule),
        ("injured_low", i => i.Injured.Low),
        ("injured_best", i => i.Injured.Best),
        ("injured_high", i => i.Injured.High),
        ("injured_phrase", i => i.Injured.Phrase),
        ("injured_rule", i => i.Injured.Rule),
        ("killed_security_forces", i => i.KilledBreakdown?.SecurityForces),
        ("killed_civilians", i => i.KilledBreakdown?.Civilians),
        ("killed_militants", i => i.KilledBreakdown?.Militants),
        ("killed_unknown", i => i.KilledBreakdown?.Unknown),
        ("perpetrators_included", i => i.PerpetratorsIncluded is { } b ? (b ? 1 : 0) : null),
        ("notes", i => i.Notes),
        ("quality_flags", i => FlagsText.Format(i.Flags)),
        ("created_at", i => Stamp(i.CreatedAt)),
        ("updated_at", i => Stamp(i.UpdatedAt)),
        ("deleted_at", i => i.DeletedAt is { } d ? Stamp(d) : null),
        // Derived on write (schema version 17): the figures counted from all credible sources and from party claims
        // alone (FigureRule), then the grade and the contest, which the store sets before writing (SourceLookup.Prepare).
        ("killed_low_all", i => FigureRule.For(i, SourceScope.All).Killed.Low),
        ("killed_best_all", i => FigureRule.For(i, SourceScope.All).Killed.Best),
        ("killed_high_all", i => FigureRule.For(i, SourceScope.All).Killed.High),
        ("injured_low_all", i => FigureRule.For(i, SourceScope.All).Injured.Low),
        ("injured_best_all", i => FigureRule.For(i, SourceScope.All).Injured.Best),
        ("injured_high_all", i => FigureRule.For(i, SourceScope.All).Injured.High),
        ("killed_low_party", i => FigureRule.For(i, SourceScope.Party).Killed.Low),
        ("killed_best_party", i => FigureRule.For(i, SourceScope.Party).Killed.Best),
        ("killed_high_party", i => FigureRule.For(i, SourceScope.Party).Killed.High),
        ("injured_low_party", i => FigureRule.For(i, SourceScope.Party).Injured.Low),
        ("injured_best_party", i => FigureRule.For(i, SourceScope.Party).Injured.Best),
        ("injured_high_party", i => FigureRule.For(i, SourceScope.Party).Injured.High),
        ("grade", i => i.Grade is { } g ? EnumText<IncidentGrade>.Format(g) : null),
        ("grade_override", i => i.GradeOverride is { } g ? EnumText<IncidentGrade>.Format(g) : null),
        ("grade_reason", i => i.GradeReason),
        ("contested", i => i.Contested ? 1 : 0),
    ];

    /// <summary>The select list that <see cref="Read"/> expects, id first.</summary>
    public static readonly string SelectList = "id, " + string.Join(", ", Written.Select(c => c.Name));

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", Inv);

    public static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", Inv);

    public static DateTimeOffset ParseStamp(string text) =>
        DateTimeOffset.Parse(text, Inv, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>Reads an incident (without its sources) from a row selected with <see cref="SelectList"/>.</summary>
    public static Incident Read(DbDataReader r)
    {
        var c = 0;
        long id = r.GetInt64(c++);
        int revision = r.GetInt32(c++);
        var dataset = Str(r, c++);
        var sourceId = Str(r, c++);
        var start = DateOnly.ParseExact(r.GetString(c++), "yyyy-MM-dd", Inv);
        var end = DateOnly.ParseExact(r.GetString(c++), "yyyy-MM-dd", Inv);
        var precision = EnumText<DatePrecision>.Parse(r.GetString(c++));
        var place = new Place
        {
            Country = Str(r, c++),
            Admin1 = Str(r, c++),
            Admin1Raw = Str(r, c++),
            Admin2 = Str(r, c++),
            Admin2Raw = Str(r, c++),
            Location = Str(r, c++),
            Latitude = Real(r, c++),
            Longitude = Real(r, c++),
            GeoPrecision = EnumText<GeoPrecision>.Parse(r.GetString(c++)),
            GeoPrecisionRaw = Str(r, c++),
        };
        var eventType = EnumText<EventType>.Parse(r.GetString(c++));
        var subtype = Str(r, c++);
        var sourceType = Str(r, c++);
        var perpetrator = Actor(Str(r, c++), Str(r, c++));
        var target = Actor(Str(r, c++), Str(r, c++));
        var targetType = Str(r, c++) is { } tt ? EnumText<TargetType>.Parse(tt) : (TargetType?)null;
        var targetTypeRaw = Str(r, c++);
        var attribution = Str(r, c++) is { } at ? EnumText<AttributionCertainty>.Parse(at) : (AttributionCertainty?)null;
        var category = EnumText<EventCategory>.Parse(r.GetString(c++));
        var stateForces = Actor(Str(r, c++), Str(r, c++));
        var armedGroup = Actor(Str(r, c++), Str(r, c++));
        var otherParty = Actor(Str(r, c++), Str(r, c++));
        var suicide = Int(r, c++) is { } su ? su != 0 : (bool?)null;
        var weapon = Str(r, c++) is { } we ? EnumText<Weapon>.Parse(we) : (Weapon?)null;
        var killed = new CasualtyCount(Int(r, c++), Int(r, c++), Int(r, c++), Str(r, c++), Str(r, c++));
        var injured = new CasualtyCount(Int(r, c++), Int(r, c++), Int(r, c++), Str(r, c++), Str(r, c++));
        var breakdown = new CasualtyBreakdown(Int(r, c++), Int(r, c++), Int(r, c++), Int(r, c++));
        var included = Int(r, c++) is { } inc ? inc != 0 : (bool?)null;
        var notes = Str(r, c++);
        var flags = FlagsText.Parse(Str(r, c++));
        var created = ParseStamp(r.GetString(c++));
        var updated = ParseStamp(r.GetString(c++));
        var deleted = Str(r, c++) is { } del ? ParseStamp(del) : (DateTimeOffset?)null;
        c += ProvenanceSchema.ScopedFigureColumns.Length; // derived from the sources, read with them when wanted
        var grade = Str(r, c++) is { } gr ? EnumText<IncidentGrade>.Parse(gr) : (IncidentGrade?)null;
        var gradeOverride = Str(r, c++) is { } go ? EnumText<IncidentGrade>.Parse(go) : (IncidentGrade?)null;
        var gradeReason = Str(r, c++);
        var contested = Int(r, c++) is 1;

        return new Incident
        {
            Id = id,
            Revision = revision,
            SourceRecord = dataset is null || sourceId is null ? null : new SourceRecordKey(dataset, sourceId),
            Date = new IncidentDate(start, end, precision),
            Place = place,
            EventType = eventType,
            EventSubtype = subtype,
            SourceEventType = sourceType,
            Perpetrator = perpetrator,
            Target = target,
            TargetType = targetType,
            TargetTypeRaw = targetTypeRaw,
            Attribution = attribution,
            Category = category,
            StateForces = stateForces,
            ArmedGroup = armedGroup,
            OtherParty = otherParty,
            Suicide = suicide,
            Weapon = weapon,
            Killed = killed,
            Injured = injured,
            KilledBreakdown = breakdown.IsEmpty ? null : breakdown,
            PerpetratorsIncluded = included,
            Notes = notes,
            Flags = flags,
            CreatedAt = created,
            UpdatedAt = updated,
            DeletedAt = deleted,
            Grade = grade,
            GradeOverride = gradeOverride,
            GradeReason = gradeReason,
            Contested = contested,
        };
    }

    private static ActorRef? Actor(string? name, string? raw) => raw is null ? null : new ActorRef(name, raw);
    private static string? Str(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
    private static int? Int(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);
    private static double? Real(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);
}

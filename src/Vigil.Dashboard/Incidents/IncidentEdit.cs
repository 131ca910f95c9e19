using System.Collections.Immutable;
using System.Globalization;
using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;
using Vigil.Domain.Text;
using Vigil.Ingestion.Normalization;

namespace Vigil.Dashboard.Incidents;

/// <summary>
/// Applies an edit form to the incident it was loaded from. Only the fields the analyst changed are
/// touched, so a save never rewrites what the form cannot show (the source's precision codes, raw target
/// type) and a revision lists exactly what was edited. Every bad value raises a <see cref="FieldException"/>
/// naming its form field.
/// </summary>
internal static class IncidentEdit
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;


    /// <exception cref="FieldException">A value that cannot be accepted, with its form field.</exception>
    public static Incident Apply(Incident current, IncidentForm form, IReadOnlySet<string> changed, IncidentNormalizer normalizer)
    {
        bool Any(params string[] names) => names.Any(changed.Contains);
        var i = current;
        if (Any("date_start", "date_end", "date_precision"))
        {
            var start = Date(form, "date_start") ?? throw new FieldException("date_start", "is required (YYYY-MM-DD)");
            var end = Date(form, "date_end") ?? start;
            if (IncidentDate.Problem(start, end) is { } problem)
                throw new FieldException(end < start ? "date_end" : "date_start", problem);
            i = i with { Date = new IncidentDate(start, end, Enum<DatePrecision>(form, "date_precision") ?? DatePrecision.Day) };
        }
        if (Any("country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision"))
        {
            var lat = Real(form, "latitude");
            var lon = Real(form, "longitude");
            if (Place.CoordinateProblem(lat, lon) is { } problem)
                throw new FieldException(Place.CoordinateField(lat, lon), problem);
            i = i with
            {
                Place = i.Place with
                {
                    Country = Text(form, "country"),
                    Admin1Raw = Text(form, "admin1"),
                    Admin2Raw = Text(form, "admin2"),
                    Location = Text(form, "location"),
                    Latitude = lat,
                    Longitude = lon,
                    GeoPrecision = Enum<GeoPrecision>(form, "geo_precision") ?? GeoPrecision.Unknown,
                    // A place edited by hand is no longer what the source's precision code described.
                    GeoPrecisionRaw = Any("latitude", "longitude", "geo_precision") ? null : i.Place.GeoPrecisionRaw,
                },
            };
        }
        if (Any("event_type"))
            i = i with { EventType = Enum<EventType>(form, "event_type") ?? throw new FieldException("event_type", "is required") };
        if (Any("event_subtype"))
            i = i with { EventSubtype = Text(form, "event_subtype") };
        if (Any("perpetrator"))
            i = i with { Perpetrator = Text(form, "perpetrator") is { } p ? new ActorRef(null, p) : null };
        if (Any("target"))
            i = i with { Target = Text(form, "target") is { } t ? new ActorRef(null, t) : null };
        if (Any("target_type"))
            i = i with { TargetType = Enum<TargetType>(form, "target_type"), TargetTypeRaw = null };
        if (Any("attribution"))
            i = i with { Attribution = Enum<AttributionCertainty>(form, "attribution") };
        if (Any("killed_low", "killed_best", "killed_high", "killed_phrase", "killed_rule"))
            i = i with { Killed = Casualties(form, "killed", changed) };
        if (Any("injured_low", "injured_best", "injured_high", "injured_phrase", "injured_rule"))
            i = i with { Injured = Casualties(form, "injured", changed) };
        if (Any("killed_security_forces", "killed_civilians", "killed_militants", "killed_unknown"))
        {
            var b = new CasualtyBreakdown(Count(form, "killed_security_forces"), Count(form, "killed_civilians"),
                Count(form, "killed_militants"), Count(form, "killed_unknown"));
            i = i with { KilledBreakdown = b.IsEmpty ? null : b };
        }
        if (Any("perpetrators_included"))
        {
            i = i with
            {
                PerpetratorsIncluded = form["perpetrators_included"] switch
                {
                    "" => null,
                    "true" => true,
                    "false" => false,
                    var other => throw new FieldException("perpetrators_included", $"'{other}' is not one of: true, false, or blank for not stated"),
                },
            };
        }
        if (Any("notes"))
            i = i with { Notes = Text(form, "notes") };
        if (Any("sources"))
            i = i with { Sources = Sources(form) };

        // Normalise again (places, actors, casualty flags) from the values the source — or now the analyst — gave.
        return normalizer.Normalize(i with { Flags = current.Flags & QualityFlagSets.FromSource });
    }

    private static CasualtyCount Casualties(IncidentForm form, string prefix, IReadOnlySet<string> changed)
    {
        var numbersChanged = new[] { "_low", "_best", "_high" }.Any(s => changed.Contains(prefix + s));
        // New numbers typed in by hand no longer come from the source's rule, unless the analyst names one.
        var rule = numbersChanged && !changed.Contains(prefix + "_rule") ? "edited by hand" : Text(form, prefix + "_rule");
        return new CasualtyCount(Count(form, prefix + "_low"), Count(form, prefix + "_best"), Count(form, prefix + "_high"),
            Text(form, prefix + "_phrase"), rule);
    }

    private static ImmutableArray<SourceReference> Sources(IncidentForm form)
    {
        var list = new List<SourceReference>();
        foreach (var (row, k) in form.Sources.Select((r, k) => (r, k + 1)))
        {
            DateOnly? published = null;
            if (row.Published.Length > 0)
            {
                published = DateOnly.TryParseExact(row.Published, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var d) ? d
                    : throw new FieldException("source_published", $"source {k}: '{row.Published}' is not a date (YYYY-MM-DD)");
            }
            if (row.Url.Length > 0 && !IncidentText.IsWebLink(row.Url))
                throw new FieldException("source_url", $"source {k}: '{row.Url}' is not a web address (http:// or https://)");
            list.Add(new SourceReference(Blank(row.Name), published, Blank(row.Headline), Blank(row.Url)));
        }
        return [.. list];
    }

    private static string? Blank(string s) => s.Length == 0 ? null : s;

    private static string? Text(IncidentForm form, string name) => Blank(form[name]);

    private static DateOnly? Date(IncidentForm form, string name)
    {
        var text = form[name];
        if (text.Length == 0)
            return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var day) ? day
            : throw new FieldException(name, $"'{text}' is not a date (YYYY-MM-DD)");
    }

    private static double? Real(IncidentForm form, string name)
    {
        var text = form[name];
        if (text.Length == 0)
            return null;
        return double.TryParse(text, NumberStyles.Float, Inv, out var value) && double.IsFinite(value) ? value
            : throw new FieldException(name, $"'{text}' is not a number (decimal degrees, with a point)");
    }

    private static int? Count(IncidentForm form, string name)
    {
        var text = form[name];
        if (text.Length == 0)
            return null;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, Inv, out var value))
            throw new FieldException(name, $"'{text}' is not a whole number (leave it empty when not known)");
        return value < 0 ? throw new FieldException(name, $"{value} is negative; a count cannot be") : value;
    }

    private static T? Enum<T>(IncidentForm form, string name) where T : struct, System.Enum
    {
        var text = form[name];
        if (text.Length == 0)
            return null;
        return EnumText<T>.TryParse(text, out var value) ? value
            : throw new FieldException(name, $"'{text}' is not one of: {string.Join(", ", EnumText<T>.All)}");
    }
}

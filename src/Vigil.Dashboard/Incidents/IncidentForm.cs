using System.Globalization;
using Vigil.Domain.Incidents;
using Vigil.Domain.Text;

namespace Vigil.Dashboard.Incidents;

/// <summary>
/// The edit form's values as text, named as the fields of Vigil's own CSV and of revisions (killed_best,
/// admin1...), so that an error, an input and a line of the history all use one name. Place and actor fields
/// hold what the source said (the raw values); Vigil normalises them again on saving.
/// </summary>
public sealed class IncidentForm
{
    /// <summary>The form's fields, named as the one translator names them.</summary>
    public static readonly IReadOnlyList<string> Names = IncidentEdits.Fields;

    /// <summary>Blank source rows offered under the existing ones, to add sources.</summary>
    public const int SpareSourceRows = 1;

    private readonly Dictionary<string, string> _values;

    private IncidentForm(Dictionary<string, string> values, IReadOnlyList<SourceRow> sources, int? revision, string reason)
    {
        _values = values;
        Sources = sources;
        Revision = revision;
        Reason = reason;
    }

    public string this[string name] => _values.GetValueOrDefault(name, "");

    public IReadOnlyList<SourceRow> Sources { get; }

    /// <summary>The revision the form was loaded at (a hidden field); null when a posted form lacks it.</summary>
    public int? Revision { get; }

    public string Reason { get; }

    public static IncidentForm Of(Incident i)
    {
        var inv = CultureInfo.InvariantCulture;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["date_start"] = IncidentText.Day(i.Date.Start),
            ["date_end"] = IncidentText.Day(i.Date.End),
            ["date_precision"] = EnumText<DatePrecision>.Format(i.Date.Precision),
            ["country"] = i.Place.Country ?? "",
            ["admin1"] = i.Place.Admin1Raw ?? i.Place.Admin1 ?? "",
            ["admin2"] = i.Place.Admin2Raw ?? i.Place.Admin2 ?? "",
            ["location"] = i.Place.Location ?? "",
            ["latitude"] = i.Place.Latitude?.ToString("R", inv) ?? "",
            ["longitude"] = i.Place.Longitude?.ToString("R", inv) ?? "",
            ["geo_precision"] = EnumText<GeoPrecision>.Format(i.Place.GeoPrecision),
            ["event_type"] = EnumText<EventType>.Format(i.EventType),
            ["event_subtype"] = i.EventSubtype ?? "",
            ["perpetrator"] = i.Perpetrator?.Raw ?? "",
            ["target"] = i.Target?.Raw ?? "",
            ["target_type"] = i.TargetType is { } t ? EnumText<TargetType>.Format(t) : "",
            ["attribution"] = i.Attribution is { } a ? EnumText<AttributionCertainty>.Format(a) : "",
            ["category"] = EnumText<EventCategory>.Format(i.Category),
            ["state_forces"] = i.StateForces?.Raw ?? "",
            ["armed_group"] = i.ArmedGroup?.Raw ?? "",
            ["other_party"] = i.OtherParty?.Raw ?? "",
            ["suicide"] = i.Suicide is { } s ? (s ? "true" : "false") : "",
            ["weapon"] = i.Weapon is { } w ? EnumText<Weapon>.Format(w) : "",
            ["killed_security_forces"] = Num(i.KilledBreakdown?.SecurityForces),
            ["killed_civilians"] = Num(i.KilledBreakdown?.Civilians),
            ["killed_militants"] = Num(i.KilledBreakdown?.Militants),
            ["killed_unknown"] = Num(i.KilledBreakdown?.Unknown),
            ["perpetrators_included"] = i.PerpetratorsIncluded is { } p ? (p ? "true" : "false") : "",
            ["notes"] = i.Notes ?? "",
            ["grade_override"] = i.GradeOverride is { } g ? EnumText<Vigil.Domain.Sources.IncidentGrade>.Format(g) : "",
            ["grade_reason"] = i.GradeReason ?? "",
        };
        foreach (var (prefix, c) in new[] { ("killed", i.Killed), ("injured", i.Injured) })
        {
            values[prefix + "_low"] = Num(c.Low);
            values[prefix + "_best"] = Num(c.Best);
            values[prefix + "_high"] = Num(c.High);
            values[prefix + "_phrase"] = c.Phrase ?? "";
            values[prefix + "_rule"] = c.Rule ?? "";
        }
        var sources = i.Sources.IsDefaultOrEmpty ? [] : i.Sources.Select(s => new SourceRow(
            s.Name ?? "", s.Published is { } d ? IncidentText.Day(d) : "", s.Headline ?? "", s.Url ?? "")).ToList();
        return new IncidentForm(values, sources, i.Revision, "");
    }

    /// <summary>A posted form: every named field (trimmed), the source rows that are not blank, the revision and the reason.</summary>
    public static IncidentForm Read(IFormCollection form)
    {
        var values = Names.ToDictionary(n => n, n => form[n].ToString().Trim(), StringComparer.Ordinal);
        var names = form["source_name"];
        var published = form["source_published"];
        var headlines = form["source_headline"];
        var urls = form["source_url"];
        var rows = Enumerable.Range(0, names.Count)
            .Select(k => new SourceRow(At(names, k), At(published, k), At(headlines, k), At(urls, k)))
            .Where(r => !r.IsBlank)
            .ToList();
        int? revision = int.TryParse(form["revision"], NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : null;
        return new IncidentForm(values, rows, revision, form["reason"].ToString().Trim());
    }

    /// <summary>The fields whose text differs from <paramref name="other"/>'s (sources compared as a whole).</summary>
    public IReadOnlySet<string> ChangedFrom(IncidentForm other)
    {
        var changed = Names.Where(n => !string.Equals(this[n], other[n], StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        if (!Sources.SequenceEqual(other.Sources))
            changed.Add("sources");
        return changed;
    }

    private static string Num(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string At(Microsoft.Extensions.Primitives.StringValues values, int k) => k < values.Count ? (values[k] ?? "").Trim() : "";
}

/// <summary>One source as the form shows it: outlet, date published (YYYY-MM-DD), headline, link.</summary>
public sealed record SourceRow(string Name, string Published, string Headline, string Url)
{
    public static readonly SourceRow Blank = new("", "", "", "");

    public bool IsBlank => Name.Length == 0 && Published.Length == 0 && Headline.Length == 0 && Url.Length == 0;
}

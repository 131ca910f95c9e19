using System.Globalization;
using Vigil.Domain.Incidents;
using Vigil.Domain.Text;

namespace Vigil.Dashboard.Incidents;

/// <summary>How an incident's values read on the pages. Unknown is written as such, never as 0.</summary>
public static class IncidentText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", Inv);

    /// <summary>"2014-06-08", or "2014-06-08 – 2014-06-10" for an incident over several days.</summary>
    public static string Date(IncidentDate date) =>
        date.IsMultiDay ? $"{Day(date.Start)} – {Day(date.End)}" : Day(date.Start);

    /// <summary>The best estimate with the range when it differs: "12", "12 (10–15)", "10–15", "not known".</summary>
    public static string Casualties(CasualtyCount c)
    {
        static string N(int? v) => v?.ToString("N0", Inv) ?? "?";
        if (c.IsUnknown)
            return "not known";
        if (c.Best is null)
            return $"{N(c.Low)}–{N(c.High)}";
        return (c.Low ?? c.Best) == c.Best && (c.High ?? c.Best) == c.Best ? N(c.Best) : $"{N(c.Best)} ({N(c.Low)}–{N(c.High)})";
    }

    public static string Number(int? value) => value?.ToString("N0", Inv) ?? "not known";

    /// <summary>"Location, district, province", without repeats.</summary>
    public static string Place(Place p) =>
        string.Join(", ", new[] { p.Location, p.Admin2, p.Admin1 }.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.OrdinalIgnoreCase)) is { Length: > 0 } text
            ? text
            : p.Country ?? "not known";

    public static string Type(EventType type) => EnumText<EventType>.Format(type).Replace('-', ' ');

    public static string Actor(ActorRef? actor) => actor is null ? "not known" : actor.Name ?? actor.Raw;

    public static string Flags(QualityFlags flags) => FlagsText.Format(flags) ?? "";

    /// <summary>A link only for web addresses: a source URL from a dataset could say anything (javascript:, data:).</summary>
    public static bool IsWebLink(string? url) => WebLink.IsWebLink(url);
}

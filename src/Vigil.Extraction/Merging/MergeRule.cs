using Vigil.Domain.Incidents;
using Vigil.Extraction.Incidents;
using Vigil.Extraction.Numbers;

namespace Vigil.Extraction.Merging;

/// <summary>
/// When two reports describe the same attack. Blocking first: only reports with the same district whose dates
/// lie within <see cref="WindowDays"/> of each other are ever compared. Then every one of these must hold: the
/// event types agree (or one is unknown); the perpetrators agree (or one is unknown); the killed figures are
/// compatible — within a factor of 2 or 5 of each other, a vague figure ("dozens") holding the other inside its
/// range — and so are the injured. Each check gives a reason, so a merge can say why.
/// </summary>
public class MergeRule
{
    public int WindowDays { get; init; } = 1;

    public virtual (bool Same, string Why) Compare(ExtractedReport a, ExtractedReport b)
    {
        var reasons = new List<string>();
        if (a.Place?.Place.Admin2 is not { } da || !string.Equals(da, b.Place?.Place.Admin2, StringComparison.OrdinalIgnoreCase))
            return (false, "different or unknown district");
        reasons.Add("district " + da);
        if (Day(a) is not { } dayA || Day(b) is not { } dayB)
            return (false, "date unknown");
        var apart = Math.Abs(dayA.DayNumber - dayB.DayNumber);
        if (apart > WindowDays)
            return (false, $"{apart} days apart");
        reasons.Add($"{apart} day(s) apart");
        if (a.EventType is { } ta && b.EventType is { } tb && ta.Value != tb.Value)
            return (false, $"types differ ({ta.Value} / {tb.Value})");
        reasons.Add("type " + ((a.EventType?.Value ?? b.EventType?.Value)?.ToString() ?? "unknown"));
        if (a.Perpetrator?.Value.Actor.Name is { } pa && b.Perpetrator?.Value.Actor.Name is { } pb && pa != pb)
            return (false, $"perpetrators differ ({pa} / {pb})");
        if (!Compatible(a.Killed, b.Killed))
            return (false, $"killed {a.Killed?.Phrase} / {b.Killed?.Phrase} incompatible");
        if (!Compatible(a.Injured, b.Injured))
            return (false, $"injured {a.Injured?.Phrase} / {b.Injured?.Phrase} incompatible");
        reasons.Add($"killed {a.Killed?.Best?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} ~ {b.Killed?.Best?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}");
        return (true, string.Join(", ", reasons));
    }

    /// <summary>The day a report is filed under for blocking: its date's start, else its publication date.</summary>
    public static DateOnly? Day(ExtractedReport r) => r.Date?.Value.Start ?? r.Published;

    private static bool Compatible(CasualtyMention? a, CasualtyMention? b)
    {
        if (a?.Best is not { } x || b?.Best is not { } y)
            return true;
        if (a.Rule.StartsWith("vague:", StringComparison.Ordinal))
            return y >= (a.Low ?? 0) && y <= (a.High ?? long.MaxValue);
        if (b.Rule.StartsWith("vague:", StringComparison.Ordinal))
            return x >= (b.Low ?? 0) && x <= (b.High ?? long.MaxValue);
        var (lo, hi) = (Math.Min(x, y), Math.Max(x, y));
        return hi - lo <= 5 || hi <= 2 * lo;
    }
}

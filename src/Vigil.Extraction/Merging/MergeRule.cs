using System.Globalization;
using Vigil.Domain.Incidents;
using Vigil.Extraction.Incidents;

namespace Vigil.Extraction.Merging;

/// <summary>
/// When two reports (or a report and a stored incident) describe the same attack. Blocking first: only items
/// with the same district whose dates lie within <see cref="WindowDays"/> of each other are ever compared. Then
/// every one of these must hold: the event types agree (or one is unknown); the actors agree (or one is
/// unknown); the killed figures are compatible — within a factor of 2 or 5 of each other, a vague figure
/// ("dozens") holding the other inside its range — and so are the injured. Each check gives a reason, so a
/// merge can say why.
/// <para>
/// A stored incident is read more loosely in two ways, because datasets code events coarsely: its event type
/// <see cref="EventType.ArmedClash"/>, <see cref="EventType.Other"/> or <see cref="EventType.ViolenceAgainstCivilians"/>
/// (UCDP codes every state-based event as a clash and one-sided violence without its method) agrees with any type, and a report's perpetrator agrees when it is either side of the incident
/// (UCDP's side A is often the government, the group being side B, stored as the target).
/// </para>
/// </summary>
public class MergeRule
{
    public int WindowDays { get; init; } = 1;

    public virtual (bool Same, string Why) Compare(ExtractedReport a, ExtractedReport b) => Compare(MergeFacts.Of(a), MergeFacts.Of(b));

    public virtual (bool Same, string Why) Compare(MergeFacts a, MergeFacts b)
    {
        var inv = CultureInfo.InvariantCulture;
        var reasons = new List<string>();
        if (a.District is not { } da || !string.Equals(da, b.District, StringComparison.OrdinalIgnoreCase))
            return (false, "different or unknown district");
        reasons.Add("district " + da);
        if (a.DaysApart(b) is not { } apart)
            return (false, "date unknown");
        if (apart > WindowDays)
            return (false, $"{apart} days apart");
        reasons.Add($"{apart} day(s) apart");
        if (!TypesAgree(a, b))
            return (false, $"types differ ({Name(a.EventType)} / {Name(b.EventType)})");
        reasons.Add("type " + ((Specific(a) ?? Specific(b)) is { } t ? Domain.Text.EnumText<EventType>.Format(t) : "unknown"));
        if (!ActorsAgree(a, b))
            return (false, $"perpetrators differ ({a.Perpetrator} / {b.Perpetrator})");
        if (!Compatible(a.Killed, b.Killed))
            return (false, $"killed {a.Killed?.Phrase} / {b.Killed?.Phrase} incompatible");
        if (!Compatible(a.Injured, b.Injured))
            return (false, $"injured {a.Injured?.Phrase} / {b.Injured?.Phrase} incompatible");
        reasons.Add($"killed {a.Killed?.Best?.ToString(inv) ?? "?"} ~ {b.Killed?.Best?.ToString(inv) ?? "?"}");
        return (true, string.Join(", ", reasons));
    }

    /// <summary>The day a report is filed under for blocking: its date's start, else its publication date.</summary>
    public static DateOnly? Day(ExtractedReport r) => r.Date?.Value.Start ?? r.Published;

    /// <summary>
    /// The event type that says something: null for unknown and, for stored incidents, for the coarse clash, other and
    /// violence against civilians (UCDP's one-sided violence, which names no method: a suicide bombing of civilians is one).
    /// </summary>
    private static EventType? Specific(MergeFacts f) =>
        f.Stored && f.EventType is EventType.ArmedClash or EventType.Other or EventType.ViolenceAgainstCivilians ? null : f.EventType;

    private static string Name(EventType? t) => t is { } v ? Domain.Text.EnumText<EventType>.Format(v) : "unknown";

    private static bool TypesAgree(MergeFacts a, MergeFacts b) =>
        Specific(a) is not { } ta || Specific(b) is not { } tb || ta == tb;

    private static bool ActorsAgree(MergeFacts a, MergeFacts b)
    {
        if (a.Perpetrator is null || b.Perpetrator is null)
            return true;
        if (Same(a.Perpetrator, b.Perpetrator))
            return true;
        return (a.Stored && Same(a.Target, b.Perpetrator)) || (b.Stored && Same(b.Target, a.Perpetrator));
    }

    private static bool Same(string? x, string? y) => x is not null && string.Equals(x, y, StringComparison.OrdinalIgnoreCase);

    private static bool Compatible(MergeFigure? a, MergeFigure? b)
    {
        if (a?.Best is not { } x || b?.Best is not { } y)
            return true;
        if (a.Vague)
            return y >= (a.Low ?? 0) && y <= (a.High ?? long.MaxValue);
        if (b.Vague)
            return x >= (b.Low ?? 0) && x <= (b.High ?? long.MaxValue);
        var (lo, hi) = (Math.Min(x, y), Math.Max(x, y));
        return hi - lo <= 5 || hi <= 2 * lo;
    }
}

using Vigil.Domain.Incidents;
using Vigil.Extraction.Incidents;

namespace Vigil.Extraction.Merging;

/// <summary>A casualty figure as the merge rule compares it: the range, whether it came from a vague word ("dozens"), and the phrase.</summary>
public sealed record MergeFigure(long? Low, long? Best, long? High, bool Vague, string? Phrase)
{
    public static MergeFigure? Of(Numbers.CasualtyMention? m) =>
        m is null ? null : new(m.Low, m.Best, m.High, m.Rule.StartsWith("vague:", StringComparison.Ordinal), m.Phrase);

    public static MergeFigure? Of(CasualtyCount c) =>
        c.IsUnknown ? null : new(c.Low, c.Best, c.High, c.Rule?.StartsWith("vague:", StringComparison.Ordinal) == true, c.Phrase);
}

/// <summary>
/// What the merge rule compares of an extracted report or of a stored incident: the district, the days it may
/// have happened on (one day for a report; an incident's date range), the event type, the actors, and the
/// killed and injured figures. <see cref="Stored"/> marks an incident already in the database (imported from a
/// dataset or accepted earlier), whose coarse categories are read more loosely (see <see cref="MergeRule"/>).
/// </summary>
public sealed record MergeFacts(
    string Id,
    string? District,
    DateOnly? From,
    DateOnly? To,
    EventType? EventType,
    string? Perpetrator,
    string? Target,
    MergeFigure? Killed,
    MergeFigure? Injured,
    bool Stored)
{
    public static MergeFacts Of(ExtractedReport r)
    {
        var day = MergeRule.Day(r);
        return new(r.ArticleId, r.Place?.Place.Admin2, day, day, r.EventType?.Value, r.Perpetrator?.Value.Actor.Name, null,
            MergeFigure.Of(r.Killed), MergeFigure.Of(r.Injured), false);
    }

    public static MergeFacts Of(Incident i) =>
        new(i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), i.Place.Admin2, i.Date.Start, i.Date.End, i.EventType,
            i.Perpetrator?.Name, i.Target?.Name, MergeFigure.Of(i.Killed), MergeFigure.Of(i.Injured), true);

    /// <summary>Days between the two date ranges (0 when they overlap); null when either has no date.</summary>
    public int? DaysApart(MergeFacts other)
    {
        if (From is not { } a1 || To is not { } a2 || other.From is not { } b1 || other.To is not { } b2)
            return null;
        if (a2 < b1)
            return b1.DayNumber - a2.DayNumber;
        if (b2 < a1)
            return a1.DayNumber - b2.DayNumber;
        return 0;
    }
}

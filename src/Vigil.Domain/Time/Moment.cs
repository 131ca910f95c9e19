using System.Globalization;
using Vigil.Domain.Errors;

namespace Vigil.Domain.Time;

/// <summary>
/// A moment in the data's history, as people write it for "as of" questions: an ISO 8601 date and time with its offset
/// (<c>2026-03-31T00:00Z</c>, <c>2026-03-31T05:00:00+05:00</c>; without an offset it is UTC), or a date alone, which
/// means the end of that day in UTC (everything recorded on 31 March is seen "as of 2026-03-31").
/// </summary>
public static class Moment
{
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
    ];

    /// <exception cref="FieldException">The text is not a moment (the field named <paramref name="field"/>).</exception>
    public static DateTimeOffset Parse(string text, string field)
    {
        var t = text.Trim();
        if (DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            if (!DateBounds.Contains(day))
                throw new FieldException(field, $"'{text}' is not a date {DateBounds.Text}");
            return new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }
        if (DateTimeOffset.TryParseExact(t, DateTimeFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            && DateBounds.Contains(DateOnly.FromDateTime(at.UtcDateTime)))
            return at.ToUniversalTime();
        throw new FieldException(field,
            $"'{text}' is not a moment: give a date (YYYY-MM-DD, the end of that day in UTC) or a date and time (2026-03-31T00:00Z) {DateBounds.Text}");
    }

    /// <summary>"2026-03-31 00:00 UTC": how labels print a moment.</summary>
    public static string Label(DateTimeOffset at) =>
        at.UtcDateTime.ToString(at.UtcDateTime.Second == 0 && at.UtcDateTime.Millisecond == 0 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
}

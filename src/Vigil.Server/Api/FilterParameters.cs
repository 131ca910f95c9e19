using System.Globalization;
using Vigil.Domain.Incidents;
using Vigil.Domain.Text;
using Vigil.Statistics;
using Vigil.Storage;

namespace Vigil.Server.Api;

/// <summary>
/// The incident filters every read endpoint takes, as query parameters (repeat a parameter for several
/// values): from, to (YYYY-MM-DD, YYYY-MM or YYYY; inclusive; by start date), province, district, actor,
/// type, dataset, min_killed. Names may be any spelling Vigil knows.
/// </summary>
public sealed record FilterParameters(
    string? From, string? To, string[]? Province, string[]? District, string[]? Actor, string[]? Type, string[]? Dataset,
    [property: Microsoft.AspNetCore.Mvc.FromQuery(Name = "min_killed")] int? MinKilled)
{
    /// <summary>The store query, or the field at fault and why.</summary>
    public (IncidentQuery? Query, (string Field, string Problem)? Error) ToQuery()
    {
        var from = From is null ? null : ParseDate(From, false);
        if (From is not null && from is null)
            return (null, ("from", $"'{From}' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"));
        var to = To is null ? null : ParseDate(To, true);
        if (To is not null && to is null)
            return (null, ("to", $"'{To}' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"));
        if ((DateProblem(from, "from") ?? DateProblem(to, "to")) is { } outside)
            return (null, outside);
        foreach (var t in Type ?? [])
        {
            if (!EnumText<EventType>.TryParse(t, out _))
                return (null, ("type", $"'{t}' is not one of: {string.Join(", ", EnumText<EventType>.All)}"));
        }
        if (MinKilled is < 0)
            return (null, ("min_killed", "must be zero or more"));
        var scopes = Scopes.Bundled;
        return (new IncidentQuery
        {
            From = from,
            To = to,
            Provinces = [.. (Province ?? []).Select(scopes.Province)],
            Districts = [.. (District ?? []).Select(scopes.District)],
            Actors = [.. (Actor ?? []).SelectMany(scopes.Actor).Distinct()],
            EventTypes = [.. (Type ?? []).Select(t => EnumText<EventType>.Format(EnumText<EventType>.Parse(t)))],
            Datasets = Dataset ?? [],
            MinKilled = MinKilled,
        }, null);
    }

    /// <summary>A filter date outside the calendar Vigil computes on (to=9999, from=0001-01-01) is refused by name.</summary>
    private static (string Field, string Problem)? DateProblem(DateOnly? date, string field) =>
        date is { } d && !Domain.Time.DateBounds.Contains(d) ? (field, $"{d:yyyy-MM-dd} is outside the dates Vigil covers: give one {Domain.Time.DateBounds.Text}") : null;

    public static DateOnly? ParseDate(string text, bool end)
    {
        var inv = CultureInfo.InvariantCulture;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", inv, DateTimeStyles.None, out var day))
            return day;
        if (DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", inv, DateTimeStyles.None, out var month))
            return end ? new DateOnly(month.Year, month.Month, DateTime.DaysInMonth(month.Year, month.Month)) : month; // no AddMonths: 9999-12 has no next month
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, inv, out var year) && year >= 1)
            return end ? new DateOnly(year, 12, 31) : new DateOnly(year, 1, 1);
        return null;
    }
}

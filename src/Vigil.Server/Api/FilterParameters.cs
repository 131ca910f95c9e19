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

    public static DateOnly? ParseDate(string text, bool end)
    {
        var inv = CultureInfo.InvariantCulture;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", inv, DateTimeStyles.None, out var day))
            return day;
        if (DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", inv, DateTimeStyles.None, out var month))
            return end ? month.AddMonths(1).AddDays(-1) : month;
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, inv, out var year) && year >= 1)
            return end ? new DateOnly(year, 12, 31) : new DateOnly(year, 1, 1);
        return null;
    }
}

using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Domain.Actors;
using Vigil.Domain.Incidents;
using Vigil.Domain.Text;
using Vigil.Geo;
using Vigil.Storage;

namespace Vigil.Cli.Infrastructure;

/// <summary>The incident filters shared by <c>incidents list</c>, <c>export</c> and <c>summary</c>.</summary>
public class FilterSettings : DatabaseSettings
{
    [CommandOption("--from <DATE>")]
    [Description("First start date to include, YYYY-MM-DD (or YYYY-MM, YYYY).")]
    public string? From { get; init; }

    [CommandOption("--to <DATE>")]
    [Description("Last start date to include, YYYY-MM-DD (or YYYY-MM, YYYY: to the end of it).")]
    public string? To { get; init; }

    [CommandOption("--province <NAME>")]
    [Description("Province (admin1); any spelling the gazetteer knows (KPK, NWFP, Baluchistan...). Repeatable.")]
    public string[] Provinces { get; init; } = [];

    [CommandOption("--district <NAME>")]
    [Description("District (admin2), any known spelling. Repeatable.")]
    public string[] Districts { get; init; } = [];

    [CommandOption("--actor <NAME>")]
    [Description("Perpetrator or target, by any alias (TTP, Pakistani Taliban, ISKP...). Repeatable.")]
    public string[] Actors { get; init; } = [];

    [CommandOption("--type <TYPE>")]
    [Description("Event type: armed-clash, armed-assault, suicide-bombing, bombing, air-or-drone-strike, shelling-or-artillery, targeted-killing, kidnapping, cross-border-attack, security-operation, violence-against-civilians, other. Repeatable.")]
    public string[] Types { get; init; } = [];

    [CommandOption("--dataset <NAME>")]
    [Description("Only incidents imported from this dataset (ucdp-ged, pbc-suicide, ...). Repeatable.")]
    public string[] Datasets { get; init; } = [];

    [CommandOption("--min-killed <N>")]
    [Description("Only incidents whose best estimate of killed is at least N.")]
    public int? MinKilled { get; init; }

    public override ValidationResult Validate()
    {
        if (From is not null && ParseDate(From, false) is null)
            return ValidationResult.Error($"--from: '{From}' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)");
        if (To is not null && ParseDate(To, true) is null)
            return ValidationResult.Error($"--to: '{To}' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)");
        foreach (var (text, end, option) in new[] { (From, false, "--from"), (To, true, "--to") })
        {
            // Outside the calendar Vigil computes on, period arithmetic would overflow (--to 9999).
            if (text is not null && ParseDate(text, end) is { } d && !Domain.Time.DateBounds.Contains(d))
                return ValidationResult.Error($"{option}: {d:yyyy-MM-dd} is outside the dates Vigil covers: give one {Domain.Time.DateBounds.Text}");
        }
        foreach (var type in Types)
        {
            if (!EnumText<EventType>.TryParse(type, out _))
                return ValidationResult.Error($"--type: '{type}' is not one of: {string.Join(", ", EnumText<EventType>.All)}");
        }
        if (MinKilled is < 0)
            return ValidationResult.Error("--min-killed: must be zero or more");
        return ValidationResult.Success();
    }

    /// <summary>The store query, with names resolved to Vigil's canonical spellings where known.</summary>
    public IncidentQuery ToQuery()
    {
        var gazetteer = Gazetteer.Bundled;
        return new IncidentQuery
        {
            From = From is null ? null : ParseDate(From, false),
            To = To is null ? null : ParseDate(To, true),
            Provinces = [.. Provinces.Select(p => gazetteer.FindProvince(p) is { } found ? gazetteer.Current(found).Name : p)],
            Districts = [.. Districts.Select(d => gazetteer.FindDistrict(d)?.Name ?? d)],
            Actors = [.. Actors.SelectMany(a => ActorCatalog.Bundled.Resolve(a) is { } actor ? new[] { actor.Name, a } : [a]).Distinct()],
            EventTypes = [.. Types.Select(t => EnumText<EventType>.Format(EnumText<EventType>.Parse(t)))],
            Datasets = Datasets,
            MinKilled = MinKilled,
        };
    }

    /// <summary>A day, or the first (or last, when <paramref name="end"/>) day of a month or year.</summary>
    public static DateOnly? ParseDate(string text, bool end)
    {
        var inv = CultureInfo.InvariantCulture;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", inv, DateTimeStyles.None, out var day))
            return day;
        if (DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", inv, DateTimeStyles.None, out var month))
            return end ? new DateOnly(month.Year, month.Month, DateTime.DaysInMonth(month.Year, month.Month)) : month; // no AddMonths: 9999-12 has no next month
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, inv, out var year) && year is >= 1 and <= 9999)
            return end ? new DateOnly(year, 12, 31) : new DateOnly(year, 1, 1);
        return null;
    }
}

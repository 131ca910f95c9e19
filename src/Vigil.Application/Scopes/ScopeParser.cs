using System.Globalization;
using Vigil.Application.Reference;
using Vigil.Domain.Datasets;
using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;
using Vigil.Domain.Sources;
using Vigil.Domain.Text;
using Vigil.Domain.Time;
using Vigil.Statistics;
using Vigil.Storage;

namespace Vigil.Application.Scopes;

/// <summary>
/// The one parser of incident scopes: validation, date forms, name resolution (gazetteer and alias table) and the
/// error text, for the command line, the API and the dashboard alike.
/// </summary>
public sealed class ScopeParser(ReferenceData reference)
{
    /// <summary>The dataset name that stands for every dataset of the database, combined (the primary one first, then in the order they were added).</summary>
    public const string AllDatasets = "all";

    /// <summary>The store query for the scope.</summary>
    /// <exception cref="FieldException">A value that cannot be used, naming its field (<c>from</c>, <c>type</c>, <c>min_killed</c>, <c>q</c>, ...).</exception>
    public IncidentQuery Parse(ScopeInput input) => Parse(input, Areas(input));

    private IncidentQuery Parse(ScopeInput input, (IReadOnlyList<string> Provinces, IReadOnlyList<Geo.Region> Regions) areas)
    {
        if (Validate(input) is { } error)
            throw error;
        var scopes = reference.Scopes;
        return new IncidentQuery
        {
            From = input.From is null ? null : ParseDate(input.From, end: false),
            To = input.To is null ? null : ParseDate(input.To, end: true),
            Countries = [.. input.Countries.Select(scopes.Country).Distinct()],
            Provinces = [.. areas.Provinces.Distinct()],
            AreaDistricts = [.. areas.Regions.SelectMany(r => r.Districts).Distinct()],
            Districts = [.. input.Districts.Select(scopes.District).Distinct()],
            Categories = [.. input.Categories.Select(c => EnumText<EventCategory>.Format(EnumText<EventCategory>.Parse(c))).Distinct()],
            Suicide = FieldValues.Bool("suicide", input.Suicide),
            Weapons = [.. input.Weapons.Select(w => EnumText<Weapon>.Format(EnumText<Weapon>.Parse(w))).Distinct()],
            TargetTypes = [.. input.TargetTypes.Select(t => EnumText<TargetType>.Format(EnumText<TargetType>.Parse(t))).Distinct()],
            Actors = [.. input.Actors.SelectMany(scopes.Actor).Distinct()],
            EventTypes = [.. input.Types.Select(t => EnumText<EventType>.Format(EnumText<EventType>.Parse(t))).Distinct()],
            Datasets = [.. input.Datasets.Where(d => !string.Equals(d, AllDatasets, StringComparison.OrdinalIgnoreCase)).Distinct()],
            MinKilled = input.MinKilled,
            MaxKilled = input.MaxKilled,
            Text = Search(input) is { } text ? TextSearch.Parse(text).Search : null,
            Sources = input.Sources is { } sources ? EnumText<SourceScope>.Parse(sources) : SourceScope.Independent,
            MinGrade = input.MinGrade is { } grade ? EnumText<IncidentGrade>.Parse(grade) : null,
        };
    }

    /// <summary>The search text of a scope, or null when it has none (absent or blank).</summary>
    private static string? Search(ScopeInput input) => string.IsNullOrWhiteSpace(input.Text) ? null : input.Text;

    /// <summary>What a search scope counts, in words, for the scope's remarks (every surface prints them beside its figures).</summary>
    public static string Describe(TextSearch search) =>
        $"search {search}: only the incidents whose place names, notes or sources (names, headlines, addresses) contain "
        + (search.Terms.Count == 1 ? "this term" : "all these terms");

    /// <summary>Which sources the scope's killed and injured count, in words (every surface prints it beside its figures).</summary>
    public static string Describe(SourceScope sources) => sources switch
    {
        SourceScope.All => "killed and injured from all credible sources: independent sources first, the range spanning party claims too (sources=all)",
        SourceScope.Party => "killed and injured as claimed by parties to the conflict alone (sources=party); unknown where no party claimed a figure",
        _ => "killed and injured from independent sources (datasets, media, NGOs, official statistics); party claims left out (sources=independent)",
    };

    /// <summary>The minimum grade in words.</summary>
    public static string Describe(IncidentGrade minGrade) =>
        $"only incidents graded {EnumText<IncidentGrade>.Format(minGrade)}{(minGrade == IncidentGrade.Confirmed ? "" : " or better")} (min_grade)";

    /// <summary>
    /// The places the scope names, as the store filters them: provinces of today's map, and the regions (named as a
    /// region, or as a former province such as FATA) as their districts.
    /// </summary>
    /// <exception cref="FieldException">A region Vigil does not know, naming <c>region</c>.</exception>
    public (IReadOnlyList<string> Provinces, IReadOnlyList<Geo.Region> Regions) Areas(ScopeInput input)
    {
        var scopes = reference.Scopes;
        var provinces = new List<string>();
        var regions = new List<Geo.Region>();
        foreach (var name in input.Provinces)
        {
            var (province, region) = scopes.Area(name);
            if (region is not null)
                regions.Add(region);
            else if (province is not null)
                provinces.Add(province);
        }
        foreach (var name in input.Regions)
        {
            regions.Add(scopes.Regions.Find(name) ?? throw new FieldException("region",
                $"'{name}' is not a region Vigil knows: {string.Join(", ", scopes.Regions.All.Select(r => r.Key))}"));
        }
        return (provinces, regions);
    }

    /// <summary>
    /// The scope as Vigil applies it: the query over the datasets named (in the order given, which is their precedence
    /// where two record one event), or over the database's primary dataset and the datasets that continue it in time
    /// when none is, with what they cover.
    /// </summary>
    /// <exception cref="FieldException">A value that cannot be used; an unknown dataset names the field <c>dataset</c> and lists the known ones.</exception>
    public Scope Resolve(ScopeInput input, IDatasetStore datasets) => Resolve(input, datasets.List());

    /// <summary>The scope over the database's datasets, as of the database's moment when it answers as of one.</summary>
    /// <exception cref="FieldException">A value that cannot be used; an unknown dataset names the field <c>dataset</c> and lists the known ones.</exception>
    public Scope Resolve(ScopeInput input, IVigilDatabase db) => Resolve(input, db.Datasets.List()) with { AsOf = db.AsOf };

    /// <summary>The same, over the database's datasets already read (for a caller resolving many scopes at once).</summary>
    /// <exception cref="FieldException">A value that cannot be used; an unknown dataset names the field <c>dataset</c> and lists the known ones.</exception>
    public Scope Resolve(ScopeInput input, IReadOnlyList<Dataset> known)
    {
        var areas = Areas(input);
        var query = Parse(input, areas);
        var chosen = new List<Dataset>();
        foreach (var name in input.Datasets.SelectMany(n => string.Equals(n, AllDatasets, StringComparison.OrdinalIgnoreCase)
            ? known.OrderByDescending(d => d.Primary).ThenBy(d => d.Position).Select(d => d.Name)
            : [n]))
        {
            var dataset = known.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new FieldException("dataset", known.Count == 0
                    ? $"no dataset named '{name}': the database holds none yet"
                    : $"no dataset named '{name}': the datasets are {string.Join(", ", known.Select(d => d.Name))}");
            if (!chosen.Contains(dataset))
                chosen.Add(dataset);
        }
        var defaulted = chosen.Count == 0;
        if (defaulted && known.FirstOrDefault(d => d.Primary) is { } primary)
        {
            // The primary dataset first (its records take precedence where two record one event), then those that
            // continue it in time (UCDP Candidate after GED), so the default reaches the latest months.
            chosen.Add(primary);
            chosen.AddRange(known.Where(d => string.Equals(d.Coverage.Continues, primary.Name, StringComparison.Ordinal)).OrderBy(d => d.Position));
        }
        query = query with { Datasets = [.. chosen.Select(d => d.Name)] };
        var places = areas.Regions.Select(r => $"{r.Name}: {r.Note} ({string.Join(", ", r.Districts)})").ToList();
        if (query.Text is { } text)
            places.Add(Describe(text));
        places.Add(Describe(query.Sources));
        if (query.MinGrade is { } minGrade)
            places.Add(Describe(minGrade));
        return new Scope(query, chosen, Coverage.For(chosen, query), defaulted) { Remarks = places };
    }

    /// <summary>The first value that cannot be used (its field and why), or null: everything but name resolution, which never fails.</summary>
    public static FieldException? Validate(ScopeInput input)
    {
        var from = input.From is null ? null : ParseDate(input.From, end: false);
        if (input.From is not null && from is null)
            return NotADate("from", input.From);
        var to = input.To is null ? null : ParseDate(input.To, end: true);
        if (input.To is not null && to is null)
            return NotADate("to", input.To);
        // Outside the calendar Vigil computes on, period arithmetic would overflow (to=9999, from=0001-01-01).
        foreach (var (day, field) in new[] { (from, "from"), (to, "to") })
        {
            if (day is { } d && !DateBounds.Contains(d))
                return new FieldException(field, $"{d:yyyy-MM-dd} is outside the dates Vigil covers: give one {DateBounds.Text}");
        }
        foreach (var type in input.Types)
        {
            if (!EnumText<EventType>.TryParse(type, out _))
                return new FieldException("type", $"'{type}' is not one of: {string.Join(", ", EnumText<EventType>.All)}");
        }
        foreach (var category in input.Categories)
        {
            if (!EnumText<EventCategory>.TryParse(category, out _))
                return new FieldException("category", $"'{category}' is not one of: {string.Join(", ", EnumText<EventCategory>.All)}");
        }
        foreach (var weapon in input.Weapons)
        {
            if (!EnumText<Weapon>.TryParse(weapon, out _))
                return new FieldException("weapon", $"'{weapon}' is not one of: {string.Join(", ", EnumText<Weapon>.All)}");
        }
        foreach (var target in input.TargetTypes)
        {
            if (!EnumText<TargetType>.TryParse(target, out _))
                return new FieldException("target_type", $"'{target}' is not one of: {string.Join(", ", EnumText<TargetType>.All)}");
        }
        try
        {
            FieldValues.Bool("suicide", input.Suicide);
        }
        catch (FieldException e)
        {
            return e;
        }
        if (input.MinKilled is < 0)
            return new FieldException("min_killed", "must be zero or more");
        if (input.MaxKilled is < 0)
            return new FieldException("max_killed", "must be zero or more");
        if (input.MinKilled is { } min && input.MaxKilled is { } max && max < min)
            return new FieldException("max_killed", $"{max} is less than min_killed ({min}): no incident could match");
        if (Search(input) is { } text && TextSearch.Parse(text).Problem is { } problem)
            return new FieldException("q", problem);
        if (input.Sources is { } sources && !EnumText<SourceScope>.TryParse(sources, out _))
            return new FieldException("sources", $"'{sources}' is not one of: {string.Join(", ", EnumText<SourceScope>.All)}");
        if (input.MinGrade is { } grade && !EnumText<IncidentGrade>.TryParse(grade, out _))
            return new FieldException("min_grade", $"'{grade}' is not one of: {string.Join(", ", EnumText<IncidentGrade>.All)} (worst to best)");
        return null;
    }

    /// <summary>A day, or the first (or last, when <paramref name="end"/>) day of a month or year (years 1 to 9999).</summary>
    public static DateOnly? ParseDate(string text, bool end)
    {
        var inv = CultureInfo.InvariantCulture;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", inv, DateTimeStyles.None, out var day))
            return day;
        if (text.Length == 7 && DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", inv, DateTimeStyles.None, out var month))
            return end ? month.AddDays(DateTime.DaysInMonth(month.Year, month.Month) - 1) : month;
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, inv, out var year) && year is >= 1 and <= 9999)
            return end ? new DateOnly(year, 12, 31) : new DateOnly(year, 1, 1);
        return null;
    }

    private static FieldException NotADate(string field, string text) =>
        new(field, $"'{text}' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)");
}

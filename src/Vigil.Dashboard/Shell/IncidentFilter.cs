using System.Globalization;
using Vigil.Application.Scopes;
using Vigil.Storage;
using Vigil.Web.Filters;

namespace Vigil.Dashboard.Shell;

/// <summary>
/// The incident filters of the API (q, from, to, country, province, region, district, actor, category, suicide, type,
/// dataset, min_killed, max_killed, sources, min_grade — the same names, each may repeat) read from a page's query string. Parsing is the API's own
/// (<see cref="FilterParameters"/>), so a page and the API given the same URL parameters count the same incidents.
/// </summary>
public sealed record IncidentFilter(
    string? From, string? To, string[] Province, string[] District, string[] Actor, string[] Type, string[] Dataset, string? MinKilled)
{
    public string[] Country { get; init; } = [];
    public string[] Region { get; init; } = [];
    public string[] Category { get; init; } = [];
    public string? Suicide { get; init; }
    public string[] Weapon { get; init; } = [];
    public string[] TargetType { get; init; } = [];
    public string? MaxKilled { get; init; }
    /// <summary>The full-text search (q), as typed.</summary>
    public string? Text { get; init; }
    /// <summary>Which sources killed and injured count (independent, all, party).</summary>
    public string? Sources { get; init; }
    /// <summary>The minimum grade (discounted, contested, weak, fair, confirmed).</summary>
    public string? MinGrade { get; init; }
    /// <summary>The moment the page is answered as of (as_of, as given; the server has checked it), carried on by every link made from the filter.</summary>
    public string? AsOf { get; init; }

    public static IncidentFilter Of(IQueryCollection q) => new(
        QueryText.One(q, "from"), QueryText.One(q, "to"),
        QueryText.Many(q, "province"), QueryText.Many(q, "district"), QueryText.Many(q, "actor"),
        QueryText.Many(q, "type"), QueryText.Many(q, "dataset"), QueryText.One(q, "min_killed"))
    {
        Country = QueryText.Many(q, "country"),
        Region = QueryText.Many(q, "region"),
        Category = QueryText.Many(q, "category"),
        Suicide = QueryText.One(q, "suicide"),
        Weapon = QueryText.Many(q, "weapon"),
        TargetType = QueryText.Many(q, "target_type"),
        MaxKilled = QueryText.One(q, "max_killed"),
        Text = QueryText.One(q, "q"),
        Sources = QueryText.One(q, "sources"),
        MinGrade = QueryText.One(q, "min_grade"),
        AsOf = QueryText.One(q, PageChrome.AsOfParameter),
    };

    public bool IsEmpty => From is null && To is null && Suicide is null && MinKilled is null && MaxKilled is null && Text is null && Sources is null && MinGrade is null
        && Country.Length + Province.Length + Region.Length + District.Length + Actor.Length + Category.Length + Weapon.Length + TargetType.Length + Type.Length + Dataset.Length == 0;

    /// <summary>The scope as Vigil applies it (the datasets named, or the primary one, with what they cover), or the parameter at fault and why.</summary>
    public (Scope? Scope, FieldError? Error) ToScope(ScopeParser parser, IVigilDatabase db)
    {
        var (parameters, error) = Parameters();
        if (error is not null)
            return (null, error);
        var (scope, problem) = parameters!.ToScope(parser, db);
        return problem is { } e ? (null, new FieldError(e.Field, e.Problem)) : (scope, null);
    }

    /// <summary>The filter as the API's parameters, or the parameter that is not a value at all (min_killed not a number).</summary>
    public (FilterParameters? Parameters, FieldError? Error) Parameters()
    {
        var (minKilled, minError) = WholeNumber("min_killed", MinKilled);
        if (minError is not null)
            return (null, minError);
        var (maxKilled, maxError) = WholeNumber("max_killed", MaxKilled);
        if (maxError is not null)
            return (null, maxError);
        return (new FilterParameters(From, To, NullIfEmpty(Country), NullIfEmpty(Province), NullIfEmpty(Region), NullIfEmpty(District),
            NullIfEmpty(Actor), NullIfEmpty(Category), Suicide, NullIfEmpty(Weapon), NullIfEmpty(TargetType), NullIfEmpty(Type), NullIfEmpty(Dataset),
            minKilled, maxKilled, Text, Sources, MinGrade), null);
    }

    private static (int? Value, FieldError? Error) WholeNumber(string field, string? text) =>
        text is null ? (null, null)
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? (n, null)
        : (null, new FieldError(field, $"'{text}' is not a whole number"));

    /// <summary>The filter as query-string pairs, in the API's names, and the moment (as_of) when there is one.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Pairs()
    {
        yield return new("q", Text);
        yield return new("from", From);
        yield return new("to", To);
        foreach (var (key, values) in new[]
        {
            ("country", Country), ("province", Province), ("region", Region), ("district", District), ("actor", Actor),
            ("category", Category), ("weapon", Weapon), ("target_type", TargetType), ("type", Type), ("dataset", Dataset),
        })
        {
            foreach (var value in values)
                yield return new(key, value);
        }
        yield return new("suicide", Suicide);
        yield return new("min_killed", MinKilled);
        yield return new("max_killed", MaxKilled);
        yield return new("sources", Sources);
        yield return new("min_grade", MinGrade);
        yield return new(PageChrome.AsOfParameter, AsOf);
    }

    /// <summary>"search “drone” · from 2014-01 · province Balochistan · actor TTP": what a page is showing, in words.</summary>
    public string Describe()
    {
        // The moment is said by the page's banner, not among the filters.
        var parts = Pairs().Where(p => !string.IsNullOrEmpty(p.Value) && p.Key != PageChrome.AsOfParameter)
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .Select(g => g.Key == "q"
                ? $"search “{g.First().Value}”"
                : $"{g.Key.Replace('_', ' ')} {string.Join(" or ", g.Select(p => p.Value))}");
        return string.Join(" · ", parts);
    }

    private static string[]? NullIfEmpty(string[] values) => values.Length == 0 ? null : values;
}

/// <summary>A form field or query parameter with a bad value, and what is wrong with it.</summary>
public sealed record FieldError(string Field, string Problem);

using Microsoft.AspNetCore.Mvc;
using Vigil.Application.Scopes;
using Vigil.Domain.Errors;
using Vigil.Storage;

namespace Vigil.Web.Filters;

/// <summary>
/// The incident filters every read endpoint takes, as query parameters (repeat a parameter for several
/// values): from, to (YYYY-MM-DD, YYYY-MM or YYYY; inclusive; by start date), country, province, region
/// (former-fata, kp-mainland), district, actor, category, suicide (yes/no), weapon, target_type, type, dataset,
/// min_killed, max_killed (an unknown figure never matches either), q (a full-text search: words all found, "quoted
/// phrases", a prefix ending in *), sources (independent, the default; all; party: which sources killed and injured
/// count), min_grade (discounted, contested, weak, fair, confirmed: only incidents graded at least this). Names may be any spelling Vigil knows. Each parameter is bound by the name written
/// here (lower case), which is the name the OpenAPI document gives it.
/// </summary>
public sealed record FilterParameters(
    [property: FromQuery(Name = "from")] string? From,
    [property: FromQuery(Name = "to")] string? To,
    [property: FromQuery(Name = "country")] string[]? Country,
    [property: FromQuery(Name = "province")] string[]? Province,
    [property: FromQuery(Name = "region")] string[]? Region,
    [property: FromQuery(Name = "district")] string[]? District,
    [property: FromQuery(Name = "actor")] string[]? Actor,
    [property: FromQuery(Name = "category")] string[]? Category,
    [property: FromQuery(Name = "suicide")] string? Suicide,
    [property: FromQuery(Name = "weapon")] string[]? Weapon,
    [property: FromQuery(Name = "target_type")] string[]? TargetType,
    [property: FromQuery(Name = "type")] string[]? Type,
    [property: FromQuery(Name = "dataset")] string[]? Dataset,
    [property: FromQuery(Name = "min_killed")] int? MinKilled,
    [property: FromQuery(Name = "max_killed")] int? MaxKilled,
    [property: FromQuery(Name = "q")] string? Q,
    [property: FromQuery(Name = "sources")] string? Sources = null,
    [property: FromQuery(Name = "min_grade")] string? MinGrade = null)
{
    /// <summary>The scope as the query string gives it.</summary>
    public ScopeInput ToInput() => new()
    {
        From = From,
        To = To,
        Countries = Country ?? [],
        Provinces = Province ?? [],
        Regions = Region ?? [],
        Districts = District ?? [],
        Categories = Category ?? [],
        Suicide = Suicide,
        Weapons = Weapon ?? [],
        TargetTypes = TargetType ?? [],
        Actors = Actor ?? [],
        Types = Type ?? [],
        Datasets = Dataset ?? [],
        MinKilled = MinKilled,
        MaxKilled = MaxKilled,
        Text = Q,
        Sources = Sources,
        MinGrade = MinGrade,
    };

    /// <summary>
    /// The scope as Vigil applies it (through the one scope parser): the datasets named, or the database's primary
    /// one, with what they cover; or the field at fault and why (an unknown dataset names <c>dataset</c>).
    /// </summary>
    public (Scope? Scope, (string Field, string Problem)? Error) ToScope(ScopeParser parser, IVigilDatabase db)
    {
        try
        {
            return (parser.Resolve(ToInput(), db), null);
        }
        catch (FieldException e)
        {
            return (null, (e.Field, e.Problem));
        }
    }
}

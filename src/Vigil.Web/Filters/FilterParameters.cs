using Vigil.Application.Scopes;
using Vigil.Domain.Errors;
using Vigil.Storage;

namespace Vigil.Web.Filters;

/// <summary>
/// The incident filters every read endpoint takes, as query parameters (repeat a parameter for several
/// values): from, to (YYYY-MM-DD, YYYY-MM or YYYY; inclusive; by start date), country, province, region
/// (former-fata, kp-mainland), district, actor, category, suicide (yes/no), weapon, target_type, type, dataset,
/// min_killed, max_killed (an unknown figure never matches either), q (a full-text search: words all found, "quoted
/// phrases", a prefix ending in *). Names may be any spelling Vigil knows.
/// </summary>
public sealed record FilterParameters(
    string? From, string? To, string[]? Country, string[]? Province, string[]? Region, string[]? District, string[]? Actor,
    string[]? Category, string? Suicide, string[]? Weapon,
    [property: Microsoft.AspNetCore.Mvc.FromQuery(Name = "target_type")] string[]? TargetType,
    string[]? Type, string[]? Dataset,
    [property: Microsoft.AspNetCore.Mvc.FromQuery(Name = "min_killed")] int? MinKilled,
    [property: Microsoft.AspNetCore.Mvc.FromQuery(Name = "max_killed")] int? MaxKilled,
    [property: Microsoft.AspNetCore.Mvc.FromQuery(Name = "q")] string? Q)
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
    };

    /// <summary>
    /// The scope as Vigil applies it (through the one scope parser): the datasets named, or the database's primary
    /// one, with what they cover; or the field at fault and why (an unknown dataset names <c>dataset</c>).
    /// </summary>
    public (Scope? Scope, (string Field, string Problem)? Error) ToScope(ScopeParser parser, IVigilDatabase db)
    {
        try
        {
            return (parser.Resolve(ToInput(), db.Datasets), null);
        }
        catch (FieldException e)
        {
            return (null, (e.Field, e.Problem));
        }
    }
}

using System.Globalization;
using Vigil.Application.Incidents;
using Vigil.Application.Links;
using Vigil.Application.Reference;
using Vigil.Application.Reports;
using Vigil.Application.Scopes;
using Vigil.Dashboard.Shell;
using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;
using Vigil.Storage;
using Vigil.Web.Auth;
using Vigil.Web.Stores;

namespace Vigil.Dashboard.Incidents;

/// <summary>
/// GET /incidents — the incidents the filters select (the API's filters and names), a page at a time,
/// sorted by date, killed or injured (sort, desc, page, page_size).
/// </summary>
internal static class IncidentListEndpoint
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static async Task<IResult> ShowAsync(HttpContext context, StoreAccess stores, ReferenceData reference)
    {
        var chrome = PageChrome.For(context);
        if (await PageAccess.CheckAsync(context, chrome, Policies.Read) is { } denied)
            return denied;
        var q = context.Request.Query;
        var filter = IncidentFilter.Of(q);
        using var db = stores.Open();
        var store = db.Incidents;
        var options = FilterOptions.Load(store, reference);
        var (view, viewError) = ListView.Of(q);
        var (parameters, error) = filter.Parameters();
        if (error is null && ScopeParser.Validate(parameters!.ToInput()) is { } invalid)
            error = new FieldError(invalid.Field, invalid.Problem);
        error ??= viewError;
        if (error is not null)
            return Pages.Render<IncidentListPage>(chrome, new IncidentListModel(filter, options, view, [], 0, error), StatusCodes.Status400BadRequest);
        IncidentList listing;
        try
        {
            listing = new IncidentListing(db, reference).Run(new IncidentListRequest(parameters!.ToInput())
            {
                Sort = view.Sort,
                Descending = view.Descending,
                Limit = view.PageSize,
                Offset = (view.Page - 1) * view.PageSize,
                MayReceiveRestricted = RowAccess.MayReceiveRestricted(context),
            });
        }
        catch (FieldException e)
        {
            return Pages.Render<IncidentListPage>(chrome, new IncidentListModel(filter, options, view, [], 0, new FieldError(e.Field, e.Problem)), StatusCodes.Status400BadRequest);
        }
        catch (RowsWithheldException e)
        {
            var withheld = new FieldError("dataset", e.Message);
            return Pages.Render<IncidentListPage>(chrome, new IncidentListModel(filter, options, view, [], 0, withheld) { Scope = e.Scope }, StatusCodes.Status403Forbidden);
        }
        var items = listing.Items.ToList();
        return Pages.Render<IncidentListPage>(chrome, new IncidentListModel(filter, options, view, items, listing.Total(), null)
        {
            Scope = listing.Scope,
            Linked = listing.Linked(items),
        });
    }
}

/// <summary>Order and page of the list: sort (date, killed, injured), desc (true/false; default most recent or most first), page, page_size.</summary>
public sealed record ListView(IncidentSort Sort, bool Descending, int Page, int PageSize)
{
    public static (ListView View, FieldError? Error) Of(IQueryCollection q)
    {
        var view = new ListView(IncidentSort.Date, true, 1, IncidentListEndpoint.DefaultPageSize);
        var sort = QueryText.One(q, "sort");
        if (sort is not null)
        {
            var parsed = sort.ToLowerInvariant() switch { "date" => IncidentSort.Date, "killed" => IncidentSort.Killed, "injured" => IncidentSort.Injured, _ => (IncidentSort?)null };
            if (parsed is null)
                return (view, new FieldError("sort", $"'{sort}' is not one of: date, killed, injured"));
            view = view with { Sort = parsed.Value };
        }
        if (QueryText.One(q, "desc") is { } desc)
        {
            if (!bool.TryParse(desc, out var d))
                return (view, new FieldError("desc", $"'{desc}' is not true or false"));
            view = view with { Descending = d };
        }
        if (QueryText.One(q, "page") is { } page)
        {
            if (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p < 1)
                return (view, new FieldError("page", $"'{page}' is not a page number (1 or more)"));
            view = view with { Page = p };
        }
        if (QueryText.One(q, "page_size") is { } size)
        {
            if (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var s) || s < 1 || s > IncidentListEndpoint.MaxPageSize)
                return (view, new FieldError("page_size", $"must be between 1 and {IncidentListEndpoint.MaxPageSize}"));
            view = view with { PageSize = s };
        }
        return (view, null);
    }

    public string SortName => Sort.ToString().ToLowerInvariant();

    public IEnumerable<KeyValuePair<string, string?>> Pairs()
    {
        if (Sort != IncidentSort.Date)
            yield return new("sort", SortName);
        if (!Descending)
            yield return new("desc", "false");
        if (Page > 1)
            yield return new("page", Page.ToString(CultureInfo.InvariantCulture));
        if (PageSize != IncidentListEndpoint.DefaultPageSize)
            yield return new("page_size", PageSize.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The view sorted by a column: the same column flips direction; another starts with the most (or the latest) first.</summary>
    public ListView SortedBy(IncidentSort sort) =>
        this with { Sort = sort, Descending = sort != Sort || !Descending, Page = 1 };
}

public sealed record IncidentListModel(
    IncidentFilter Filter, FilterOptions Options, ListView View, IReadOnlyList<Incident> Items, long Total, FieldError? Error)
{
    /// <summary>The datasets the list is drawn from, named on the page (a combined scope lists each real event once).</summary>
    public Scope? Scope { get; init; }

    /// <summary>In a combined scope, the records of the other datasets linked to each listed incident.</summary>
    public IReadOnlyDictionary<long, IReadOnlyList<LinkedRecord>> Linked { get; init; } = new Dictionary<long, IReadOnlyList<LinkedRecord>>();

    public string Link(ListView view) => QueryText.Link("/incidents", Filter.Pairs().Concat(view.Pairs()));

    public long PageCount => Math.Max(1, (Total + View.PageSize - 1) / View.PageSize);
}

using Vigil.Application.Scopes;
using Vigil.Domain.Datasets;
using Vigil.Domain.Text;
using Vigil.Storage;

namespace Vigil.Web.Auth;

/// <summary>The caller's side of <see cref="RowLicences"/>: analysts and admins receive every dataset's rows, others only those that may be passed on.</summary>
public static class RowAccess
{
    public static bool MayReceiveRestricted(HttpContext context) =>
        context.User.IsInRole(EnumText<ApiRole>.Format(ApiRole.Analyst)) || context.User.IsInRole(EnumText<ApiRole>.Format(ApiRole.Admin));

    /// <summary>The datasets of a scope whose rows this caller may not receive.</summary>
    public static IReadOnlyList<Dataset> Withheld(HttpContext context, Scope scope) =>
        RowLicences.Withheld(scope.Datasets, MayReceiveRestricted(context));

    /// <summary>The dataset of one incident, when this caller may not receive its row.</summary>
    public static IReadOnlyList<Dataset> Withheld(HttpContext context, IVigilDatabase db, string? dataset) =>
        MayReceiveRestricted(context) ? []
            : RowLicences.Withheld(db.Datasets.Find(dataset ?? DatasetNames.Own) is { } d ? [d] : [], mayReceiveRestricted: false);

    /// <summary>403 naming the datasets and their licences.</summary>
    public static IResult Problem(IReadOnlyList<Dataset> withheld) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Rows withheld by licence", detail: RowLicences.Explain(withheld));
}

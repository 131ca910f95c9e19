using Vigil.Domain.Errors;
using Vigil.Domain.Time;
using Vigil.Web.Stores;

namespace Vigil.Server.Infrastructure;

/// <summary>
/// <c>as_of</c> on any reading request: the moment is checked here (a 400 naming <c>as_of</c> when it is not one) and
/// kept for <see cref="StoreAccess.Open"/>, which then answers from the data as it was. A change asked "as of" a past
/// moment is refused: the past is read-only.
/// </summary>
public sealed class AsOfRequests(RequestDelegate next)
{
    public const string Parameter = "as_of";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Query.TryGetValue(Parameter, out var values) && values.ToString() is { Length: > 0 } text)
        {
            var method = context.Request.Method;
            if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
            {
                await Problems.Field(Parameter, "answers as of a past moment are read-only; send the change without as_of").ExecuteAsync(context);
                return;
            }
            try
            {
                context.Items[StoreAccess.AsOfItem] = Moment.Parse(text, Parameter);
            }
            catch (FieldException e)
            {
                // A dashboard page answers with a page that names the parameter; the API with a problem.
                await (context.Request.Path.StartsWithSegments("/api") ? Problems.Field(e.Field, e.Problem)
                    : Dashboard.Shell.Pages.BadAddress(context, e.Field, e.Problem)).ExecuteAsync(context);
                return;
            }
        }
        await next(context);
    }
}

using Microsoft.AspNetCore.Antiforgery;

namespace Vigil.Dashboard.Shell;

/// <summary>The antiforgery token a page's forms carry in a hidden field (ASP.NET Core's built-in antiforgery).</summary>
public sealed record FormToken(string Value)
{
    public const string FieldName = "__vigil_form";

    /// <summary>Issues the token (and its cookie): call before the response starts.</summary>
    public static FormToken Issue(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return new FormToken(tokens.RequestToken ?? "");
    }

    /// <summary>Whether a posted form carries a token that matches its cookie and the signed-in key.</summary>
    public static async Task<bool> IsValidAsync(HttpContext context) =>
        await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context);
}

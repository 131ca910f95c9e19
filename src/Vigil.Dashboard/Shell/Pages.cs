using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Vigil.Dashboard.Shell;

/// <summary>Renders a page component with its frame and model; every page takes exactly these two parameters.</summary>
public static class Pages
{
    public static IResult Render<TPage>(PageChrome chrome, object model, int status = StatusCodes.Status200OK) where TPage : IComponent =>
        new RazorComponentResult<TPage>(new Dictionary<string, object?> { ["Chrome"] = chrome, ["Model"] = model }) { StatusCode = status };

    /// <summary>A page that only says something: not found, not allowed, a form that could not be verified.</summary>
    public static IResult Message(PageChrome chrome, int status, string title, string text, string? linkText = null, string? linkHref = null) =>
        Render<MessagePage>(chrome, new MessageModel(title, text, linkText, linkHref), status);

    /// <summary>A form that would change something, asked for as of a past moment: the past is read-only (400, as the API answers a change sent with as_of).</summary>
    public static IResult PastIsReadOnly(PageChrome chrome, string path, string what) =>
        Message(chrome, StatusCodes.Status400BadRequest, "The past is read-only",
            $"This page is answered as of {Domain.Time.Moment.Label(chrome.AsOf ?? default)}: nothing can be changed as of a past moment. To change {what}, open it as it is now.",
            $"Open {what} as it is now", path);

    /// <summary>A page asked for with a parameter that is not a value at all (as_of that is no moment): 400, naming it.</summary>
    public static IResult BadAddress(HttpContext context, string field, string problem)
    {
        var chrome = PageChrome.For(context);
        return Message(chrome, StatusCodes.Status400BadRequest, "The address has a bad value", $"{field}: {problem}",
            "Show the page without it", chrome.NowLink);
    }

    public static IResult FormExpired(PageChrome chrome) =>
    Message(chrome, StatusCodes.Status400BadRequest, "The form could not be verified",
        "The form was sent without a valid form token (it may have been open too long, or come from another site). Nothing was changed. Go back, reload the page and send it again.");
}

public sealed record MessageModel(string Title, string Text, string? LinkText, string? LinkHref);

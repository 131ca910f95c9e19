using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Vigil.Server.Infrastructure;

namespace Vigil.Server.Api;

/// <summary>Reads a JSON body with the limits and error reporting the API promises: the field at fault, not a stack trace.</summary>
public static class JsonBody
{
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpContext context) where T : class
    {
        var limit = context.RequestServices.GetRequiredService<ServerOptions>().MaxJsonBytes;
        if (context.Request.ContentLength is { } length && length > limit)
            return (null, Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large", detail: $"a JSON body may be at most {limit:N0} bytes"));
        if (!context.Request.HasJsonContentType())
            return (null, Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "JSON expected", detail: "send Content-Type: application/json"));
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            using var limited = new MemoryStream();
            await context.Request.Body.CopyToAsync(limited, context.RequestAborted);
            if (limited.Length > limit)
                return (null, Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large", detail: $"a JSON body may be at most {limit:N0} bytes"));
            limited.Position = 0;
            var value = await JsonSerializer.DeserializeAsync<T>(limited, options, context.RequestAborted);
            return value is null ? (null, Problems.Field("body", "a JSON object is required")) : (value, null);
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            return (null, Problems.Field(field, "is not valid here: " + FirstSentence(e.Message)));
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Vigil.Server.Infrastructure;
using Vigil.Web;

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
        var options = Strict(context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions);
        try
        {
            var (body, tooLarge) = await Security.BoundedBody.ReadAsync(context, limit);
            if (tooLarge is not null)
                return (null, tooLarge);
            using var limited = body!;
            var value = await JsonSerializer.DeserializeAsync<T>(limited, options, context.RequestAborted);
            return value is null ? (null, Problems.Field("body", "a JSON object is required")) : (value, null);
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            // JsonUnmappedMemberHandling.Disallow: "The JSON property 'provnce' could not be mapped to any .NET member ...".
            if (UnknownMember(e.Message) is { } member)
                return (null, Problems.Field(UnknownMemberPath(field, member), "unknown field"));
            // A number too large for its field reads as "could not be converted to System.Int32": say what it is.
            var problem = e.Message.Contains("System.Int32", StringComparison.Ordinal) || e.InnerException?.Message.Contains("Int32", StringComparison.Ordinal) == true
                ? $"is not a whole number from {int.MinValue:N0} to {int.MaxValue:N0} (too large, fractional, or not a number)"
                : "is not valid here: " + FirstSentence(e.Message);
            return (null, Problems.Field(field, problem));
        }
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions> StrictOptions = new();

    /// <summary>The API's options refusing members a body type does not define (a misspelt field is an error, not dropped).</summary>
    private static JsonSerializerOptions Strict(JsonSerializerOptions options) =>
        StrictOptions.GetValue(options, o => new JsonSerializerOptions(o) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow });

    /// <summary>
    /// Where the unknown member is: the exception's path ends at it ("$.titel", "$.scope.provnce") when the reader stopped
    /// on its name; otherwise the path is its parent's.
    /// </summary>
    private static string UnknownMemberPath(string field, string member) =>
        field == "body" ? member
        : field == member || field.EndsWith("." + member, StringComparison.Ordinal) ? field
        : $"{field}.{member}";

    private static string? UnknownMember(string message)
    {
        const string marker = "The JSON property '";
        var start = message.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0 || !message.Contains("could not be mapped", StringComparison.Ordinal))
            return null;
        start += marker.Length;
        var end = message.IndexOf('\'', start);
        return end > start ? message[start..end] : null;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}

using System.Buffers;

namespace Vigil.Server.Security;

/// <summary>
/// Reads a request body into memory only up to a limit: a chunked body that never declares its length is
/// refused with 413 as soon as it passes the limit, instead of after it has been read whole.
/// </summary>
public static class BoundedBody
{
    public static async Task<(MemoryStream? Body, IResult? Problem)> ReadAsync(HttpContext context, long limit)
    {
        if (context.Request.ContentLength is { } declared && declared > limit)
            return (null, TooLarge(limit));
        var body = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (body.Length + read > limit)
                {
                    await body.DisposeAsync();
                    return (null, TooLarge(limit));
                }
                body.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        body.Position = 0;
        return (body, null);
    }

    public static IResult TooLarge(long limit) =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large",
            detail: $"body: this request's body may be at most {limit:N0} bytes; send less (split an import into several files)",
            extensions: new Dictionary<string, object?> { ["field"] = "body", ["limit_bytes"] = limit });
}

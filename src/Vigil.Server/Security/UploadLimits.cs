using Vigil.Web;

namespace Vigil.Server.Security;

/// <summary>Uploads (POST /api/v1/imports): how large they may be, and what name the server keeps one under.</summary>
public static class UploadLimits
{
    public static bool IsUpload(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.Equals("/api/v1/imports", StringComparison.OrdinalIgnoreCase) || request.Path.Equals("/api/v1/imports/", StringComparison.OrdinalIgnoreCase));

    /// <summary>The server (413) or the form reader (its multipart length limit) stopped a body for its size.</summary>
    public static bool IsTooLarge(Exception e) =>
        e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
        || e is InvalidDataException && e.Message.Contains("length limit", StringComparison.OrdinalIgnoreCase);

    public static IResult TooLarge(ServerOptions options) =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large",
            detail: $"file: an upload may be at most {options.MaxRequestBytes / (1024 * 1024):N0} MB ({options.MaxRequestBytes:N0} bytes); split the file, or import it with 'vigil import' on the server",
            extensions: new Dictionary<string, object?> { ["field"] = "file", ["limit_bytes"] = options.MaxRequestBytes });

    /// <summary>
    /// The name an upload is saved under in its private temporary folder: the client's file name without any
    /// folder, or "upload" + its extension when that name is empty, "." or "..", or has characters a file
    /// name cannot have. Errors and the import record still name the file.
    /// </summary>
    public static string SafeFileName(string? clientName)
    {
        var name = Path.GetFileName((clientName ?? "").Replace('\\', '/'));
        var bad = Path.GetInvalidFileNameChars();
        if (name.Length == 0 || name.Trim('.', ' ').Length == 0 || name.Length > 200 || name.AsSpan().IndexOfAny(bad) >= 0 || name.Any(char.IsControl))
        {
            var extension = Path.GetExtension(name);
            return "upload" + (extension.Length is > 1 and <= 10 && extension.AsSpan(1).IndexOfAny(bad) < 0 && !extension.Any(char.IsControl) ? extension : ".csv");
        }
        return name;
    }
}

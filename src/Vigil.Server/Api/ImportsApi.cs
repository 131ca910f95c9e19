using Vigil.Application.Imports;
using Vigil.Application.Logging;
using Vigil.Application.Reference;
using Vigil.Domain.Errors;
using Vigil.Ingestion;
using Vigil.Server.Infrastructure;
using Vigil.Web;
using Vigil.Web.Auth;
using Vigil.Web.Stores;

namespace Vigil.Server.Api;

/// <summary>
/// POST /api/v1/imports: upload a file (multipart field "file"; format, skip_invalid as query or form
/// fields) and import it as <c>vigil import</c> would: all or nothing, or with skip_invalid the good rows
/// and a rejects file kept for GET /api/v1/imports/{id}/rejected. Admin only.
/// </summary>
public static class ImportsApi
{
    public static void MapImports(this RouteGroupBuilder api)
    {
        api.MapPost("/imports", Upload).WithTags("datasets").RequireAuthorization(Policies.Admin).DisableAntiforgery()
            .WithSummary("Imports an uploaded file (UCDP GED, ACLED, GTD, Pakistan Body Count, Vigil CSV/JSON). A bad file is refused whole, with the file:line:column: field of the first problem.")
            .Body<ImportForm>(true, "multipart/form-data").Produces<ImportAnswer>().Fails(400, 413);
        api.MapGet("/imports/{id:long}/rejected", (long id, ServerOptions options) =>
        {
            var path = RejectsPath(options, id);
            return File.Exists(path) ? Results.File(path, "text/csv; charset=utf-8", $"import-{id}.rejected.csv") : Problems.NotFound($"rejected rows of import {id}");
        }).WithTags("datasets").RequireAuthorization(Policies.Read).WithSummary("The rows an import skipped, with their line and reason.")
            .AddOpenApiOperationTransformer(ApiDocument.Files("The rejected rows as CSV: line, reason and the row.", "text/csv")).Fails(404);
    }

    private static async Task<IResult> Upload(HttpContext context, StoreAccess stores, ServerOptions options, TimeProvider clock, ILoggerFactory loggers, ReferenceData reference, string? format, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "skip_invalid")] bool? skipInvalid)
    {
        if (!context.Request.HasFormContentType)
            return Problems.Field("file", "send the file as multipart/form-data in a field named 'file'");
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception e) when (Security.UploadLimits.IsTooLarge(e))
        {
            return Security.UploadLimits.TooLarge(options);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return Problems.Field("file", "the multipart body cannot be read: " + e.Message);
        }
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
            return Problems.Field("file", "is required and must not be empty");
        format ??= form["format"].FirstOrDefault();
        var skip = skipInvalid ?? string.Equals(form["skip_invalid"].FirstOrDefault(), "true", StringComparison.OrdinalIgnoreCase);
        var log = loggers.CreateLogger(FileImport.LogCategory);
        var dir = Directory.CreateTempSubdirectory("vigil-upload-");
        try
        {
            // The upload keeps its own name, so that errors and the import record name the user's file.
            var path = Path.Combine(dir.FullName, Security.UploadLimits.SafeFileName(file.FileName));
            await using (var target = File.Create(path))
                await file.CopyToAsync(target, context.RequestAborted);
            var rejects = Path.Combine(dir.FullName, "rejected.csv");
            using var db = stores.Open();
            ImportResult result;
            try
            {
                var request = new FileImportRequest(path, Actor.Of(context), options.DateLimit(clock)) { Format = format, SkipInvalid = skip, RejectsPath = rejects };
                result = new FileImport(db, reference, log).Run(request, context.RequestAborted);
            }
            catch (FieldException e)
            {
                return Problems.Field(e.Field, e.Problem);
            }
            catch (InputException e)
            {
                var shown = new InputException(e.Location with { File = Path.GetFileName(e.Location.File) }, e.Problem);
                VigilLog.ImportRefused(log, Path.GetFileName(path), shown.Message);
                return Results.ValidationProblem(
                    new Dictionary<string, string[]> { [e.Location.Field ?? "file"] = [shown.Message] },
                    title: "The file cannot be imported; nothing was written", detail: shown.Message);
            }
            if (result.RejectsFile is not null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(RejectsPath(options, result.Summary.ImportId))!);
                File.Copy(result.RejectsFile, RejectsPath(options, result.Summary.ImportId), overwrite: true);
            }
            context.Items[Actor.DetailKey] = $"import #{result.Summary.ImportId} of {file.FileName}";
            return Results.Ok(new ImportAnswer(result.Summary.ImportId, file.FileName, result.Format, result.RowsRead,
                result.Summary.Created, result.Summary.Updated, result.Summary.Unchanged, result.Summary.SkippedDeleted, result.Summary.Rejected,
                result.RejectsFile is null ? null : $"/api/v1/imports/{result.Summary.ImportId}/rejected", result.Notices));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Rejected rows are kept beside the database, one file per import.</summary>
    private static string RejectsPath(ServerOptions options, long importId) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(options.Database))!, Path.GetFileName(options.Database) + ".rejects", $"import-{importId}.rejected.csv");
}

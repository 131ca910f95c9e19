using Vigil.Domain.Errors;

namespace Vigil.Server.Infrastructure;

/// <summary>Errors as RFC 9457 problem details, naming the field at fault.</summary>
public static class Problems
{
    public static IResult Field(string field, string problem) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [problem] }, title: "The request has a bad value", detail: $"{field}: {problem}");

    public static IResult Of(InputException e) =>
        Field(e.Location.Field ?? "body", e.Problem);

    public static IResult NotFound(string what) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"{what} not found");

    /// <summary>A 404 with the exception's message, which may say what does exist ("the datasets are ...").</summary>
    public static IResult NotFound(NotFoundException e) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: e.Message);

    public static IResult Conflict(ConcurrencyException e) =>
        Results.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "The incident has changed", detail: e.Message,
            extensions: new Dictionary<string, object?> { ["current_revision"] = e.ActualRevision });

    public static IResult PreconditionRequired() =>
        Results.Problem(statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match required",
            detail: "send the incident's ETag in If-Match, so that an edit never overwrites someone else's unseen change");
}

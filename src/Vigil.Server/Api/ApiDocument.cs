using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Vigil.Domain.Claims;
using Vigil.Domain.Incidents;
using Vigil.Web;
using Vigil.Web.Auth;

namespace Vigil.Server.Api;

/// <summary>
/// What the OpenAPI document says beyond what the endpoints declare (<c>Produces</c>, <c>Accepts</c>): the API key as a
/// security scheme and which operations need which role, the error answers, each parameter's description and example,
/// files as binary, and which members of a schema are always present.
/// </summary>
public static partial class ApiDocument
{
    /// <summary>The security scheme of the <c>X-Api-Key</c> header.</summary>
    public const string ApiKeyScheme = "ApiKey";

    /// <summary>The same key as <c>Authorization: Bearer KEY</c>.</summary>
    public const string BearerScheme = "Bearer";

    public static void Configure(OpenApiOptions options, ServerOptions server)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Vigil API",
                Version = "v1",
                Description = Description(server.AnonymousRead),
            };
            Schemes(document);
            NullableReferences(document);
            InlineFiles(document);
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            operation.OperationId ??= OperationId(context.Description.HttpMethod ?? "GET", context.Description.RelativePath ?? "");
            Security(operation, context, server.AnonymousRead);
            Parameters(operation, context.Description.RelativePath ?? "");
            AsOf(operation, context);
            Responses(operation, context.Document, context.Description.RelativePath ?? "");
            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            Numbers(schema);
            if (context.JsonTypeInfo.Type.IsEnum && schema.Enum is { Count: > 0 })
                schema.Type = JsonSchemaType.String;
            Required(schema, context.JsonTypeInfo, context.JsonPropertyInfo);
            if (context.JsonPropertyInfo is null && context.JsonTypeInfo.Type == typeof(AcceptBody))
                AcceptEdits(schema);
            if (context.JsonPropertyInfo is null && typeof(Microsoft.AspNetCore.Mvc.ProblemDetails).IsAssignableFrom(context.JsonTypeInfo.Type))
                ProblemMembers(schema);
            return Task.CompletedTask;
        });
    }

    private static string Description(bool anonymousRead) =>
        "Vigil's REST API: incidents, figures, claims, reports, datasets, review and accountability. JSON names are snake_case, "
        + "enumerations kebab-case text, and nulls are written: a count that is null is unknown, never zero.\n\n"
        + "**Keys.** Send an API key in the `X-Api-Key` header (or as `Authorization: Bearer KEY`). Its role is viewer (read), "
        + "analyst (also write: incidents, review, merges, links, accountability) or admin (also delete incidents, import files, "
        + "edit datasets, manage keys, read the audit trail). Reads may be anonymous when the server runs with `--anonymous-read`"
        + (anonymousRead ? " (this one does)" : " (this one does not: reads need a viewer key)")
        + "; writes always need a key.\n\n"
        + "**Errors** are RFC 9457 problem details (`application/problem+json`); a bad value is a 400 whose `errors` names the "
        + "parameter or field at fault.";

    /// <summary>
    /// A name for each operation, for generated clients: the method and the path after /api/v1, each segment in Pascal case,
    /// a parameter as "By" and its name — GET /incidents/{id}/revisions is GetIncidentsByIdRevisions.
    /// </summary>
    public static string OperationId(string method, string path)
    {
        static string Pascal(string word) => string.Concat(word.Split('-', '_').Where(w => w.Length > 0).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).SkipWhile(s => s is "api" or "v1")
            .Select(s => s.StartsWith('{') ? "By" + Pascal(s.Trim('{', '}').Split(':')[0]) : Pascal(s));
        return Pascal(method.ToLowerInvariant()) + string.Concat(segments);
    }

    // ---- Security

    private static void Schemes(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeys.Header,
            Description = "An API key (`vigil keys create`). Roles: viewer reads, analyst also writes, admin also deletes, imports and manages keys. "
                + "Reads need no key when the server runs with --anonymous-read.",
        };
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The same API key as `Authorization: Bearer KEY`.",
        };
    }

    /// <summary>The role an operation needs, from its authorisation policy: null when it needs none.</summary>
    private static string? Policy(OpenApiOperationTransformerContext context)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
            return null;
        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).Where(p => p is not null).ToList();
        return policies.Contains(Policies.Admin) ? Policies.Admin
            : policies.Contains(Policies.Write) ? Policies.Write
            : policies.Contains(Policies.Read) ? Policies.Read
            : null;
    }

    private static void Security(OpenApiOperation operation, OpenApiOperationTransformerContext context, bool anonymousRead)
    {
        if (Policy(context) is not { } policy)
            return;
        Schemes(context.Document!);
        var requirements = new List<OpenApiSecurityRequirement>
        {
            new() { [new OpenApiSecuritySchemeReference(ApiKeyScheme, context.Document)] = [] },
            new() { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] },
        };
        var anonymous = policy == Policies.Read && anonymousRead;
        if (anonymous)
            requirements.Add(new OpenApiSecurityRequirement());
        operation.Security = requirements;
        var access = policy switch
        {
            Policies.Admin => "**Access:** an admin key.",
            Policies.Write => "**Access:** an analyst or admin key.",
            _ => "**Access:** a viewer, analyst or admin key; no key when the server runs with `--anonymous-read`"
                + (anonymousRead ? " (this one does)." : " (this one does not)."),
        };
        operation.Description = string.IsNullOrEmpty(operation.Description) ? access : operation.Description + "\n\n" + access;
        operation.Responses ??= [];
        Problem(operation, context.Document, 401, "No key, or a key that is unknown or revoked" + ".");
        Problem(operation, context.Document, 403, policy == Policies.Read
            ? "The rows of a dataset whose licence forbids passing them on are served to analysts and admins only (the answer names the dataset and its licence)."
            : "The key's role is too low for this operation.");
    }

    // ---- Error answers

    private static readonly Dictionary<int, string> Statuses = new()
    {
        [400] = "A bad value: the problem's `errors` names the parameter or body field at fault (`dataset`, `killed.best`), and `detail` says why. Nothing is written.",
        [404] = "Not found (the detail says what; for a dataset, which ones exist).",
        [409] = "The decision cannot be made in the current state (already decided, edited since, or the same status).",
        [412] = "The If-Match ETag is stale: the incident has changed (`current_revision` says to what). Nothing is written.",
        [413] = "The body is too large.",
        [415] = "The body is not JSON: send Content-Type: application/json.",
        [428] = "If-Match is required: send the ETag of the incident as last read.",
        [429] = "Too many requests from this key or address (--requests-per-minute); retry later.",
    };

    private static void Responses(OpenApiOperation operation, OpenApiDocument? document, string path)
    {
        operation.Responses ??= [];
        if (path.StartsWith("api/", StringComparison.Ordinal))
            Problem(operation, document, 429, Statuses[429]);
        foreach (var (code, response) in operation.Responses)
        {
            if (response is not OpenApiResponse r)
                continue;
            if (int.TryParse(code, out var status) && Statuses.TryGetValue(status, out var text) && (string.IsNullOrEmpty(r.Description) || r.Description is "Bad Request" or "Not Found" or "Conflict" or "Precondition Failed" or "Payload Too Large" or "Unsupported Media Type" or "Precondition Required" or "Too Many Requests"))
                r.Description = text;
            // Files (reports, exports, rejected rows) are bytes of their content type.
            foreach (var (type, media) in r.Content ?? new Dictionary<string, OpenApiMediaType>())
                if (media.Schema is null)
                    media.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
        }
    }

    private static void Problem(OpenApiOperation operation, OpenApiDocument? document, int status, string description)
    {
        operation.Responses ??= [];
        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses.ContainsKey(code))
            return;
        operation.Responses[code] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", document) },
            },
        };
    }

    /// <summary>The If-Match header of an edit or a deletion (read from the request, not bound as a parameter).</summary>
    public static Task IfMatch(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellation)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "If-Match",
            In = ParameterLocation.Header,
            Required = true,
            Description = Docs["If-Match"].Description,
            Example = Docs["If-Match"].Example!.DeepClone(),
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
        return Task.CompletedTask;
    }

    /// <summary>Any content type: the endpoint reads the body itself and says what is wrong with one it cannot read.</summary>
    public const string AnyContent = "*/*";

    /// <summary>
    /// The body as documented: the content types it is read in, required or not. (<c>Accepts</c> gives the schema; it also
    /// lists <see cref="AnyContent"/>, so that routing never refuses a body before the endpoint can say what is wrong with it.)
    /// </summary>
    public static Func<OpenApiOperation, OpenApiOperationTransformerContext, CancellationToken, Task> Body(bool required) =>
        (operation, _, _) =>
        {
            if (operation.RequestBody is OpenApiRequestBody body)
            {
                body.Content?.Remove(AnyContent);
                body.Required = required;
            }
            return Task.CompletedTask;
        };

    /// <summary>A response header (ETag, X-Total-Count, Vigil-Licence) on the operation's success answers.</summary>
    public static Func<OpenApiOperation, OpenApiOperationTransformerContext, CancellationToken, Task> Header(string name, string description, JsonSchemaType type = JsonSchemaType.String) =>
        (operation, _, _) =>
        {
            foreach (var (code, response) in operation.Responses ?? [])
            {
                if (!code.StartsWith('2') || response is not OpenApiResponse r)
                    continue;
                r.Headers ??= new Dictionary<string, IOpenApiHeader>();
                r.Headers[name] = new OpenApiHeader { Description = description, Schema = new OpenApiSchema { Type = type } };
            }
            return Task.CompletedTask;
        };

    // ---- Schemas

    /// <summary>
    /// Numbers are written as numbers. (The server also reads a number given as a string, which is why the generator says
    /// "integer or string" with a pattern; the document gives the form to send and to expect.)
    /// </summary>
    private static void Numbers(OpenApiSchema schema)
    {
        if (schema.Type is { } type && (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0 && (type & JsonSchemaType.String) != 0)
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
    }

    /// <summary>The success answer of an endpoint that returns a file: bytes of one of these content types.</summary>
    public static Func<OpenApiOperation, OpenApiOperationTransformerContext, CancellationToken, Task> Files(string description, params string[] contentTypes) =>
        (operation, _, _) =>
        {
            operation.Responses ??= [];
            operation.Responses["200"] = new OpenApiResponse
            {
                Description = description,
                Content = contentTypes.ToDictionary(t => t, _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } }),
            };
            return Task.CompletedTask;
        };

    /// <summary>
    /// An answer writes every member (nulls included), so every member is required — except those written only when set
    /// (<c>JsonIgnore(WhenWritingNull)</c>). A body a client sends (<see cref="ApiInputAttribute"/>) requires only its
    /// members that cannot be null.
    /// </summary>
    private static void Required(OpenApiSchema schema, JsonTypeInfo type, JsonPropertyInfo? property)
    {
        if (property is not null || type.Kind != JsonTypeInfoKind.Object || schema.Properties is not { Count: > 0 }
            || type.Type.Namespace?.StartsWith("Vigil", StringComparison.Ordinal) != true)
            return;
        var input = type.Type.IsDefined(typeof(ApiInputAttribute), inherit: false);
        var required = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in type.Properties)
        {
            if (!schema.Properties.ContainsKey(p.Name))
                continue;
            var omitted = p.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), inherit: true)
                .OfType<JsonIgnoreAttribute>().Any(a => a.Condition is JsonIgnoreCondition.WhenWritingNull or JsonIgnoreCondition.WhenWritingDefault) == true;
            var nullable = Nullable.GetUnderlyingType(p.PropertyType) is not null || (!p.PropertyType.IsValueType && p.IsSetNullable);
            if (input ? !nullable : !omitted)
                required.Add(p.Name);
            if (!input && !p.PropertyType.IsValueType && p.AttributeProvider is System.Reflection.PropertyInfo member
                && new System.Reflection.NullabilityInfoContext().Create(member).ReadState == System.Reflection.NullabilityState.Nullable)
            {
                MayBeNull(schema, p.Name);
                NullableMembers.TryAdd((type.Type.Name, p.Name), 0);
            }
        }
        schema.Required = required;
    }

    /// <summary>Members that may be null, by schema id (the type's name) and member name.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Schema, string Member), byte> NullableMembers = new();

    /// <summary>
    /// The last word on members that may be null: a member documented in XML comments is written as a reference with a
    /// description after the schema transformers have run, which loses its null; it is put back here.
    /// </summary>
    private static void NullableReferences(OpenApiDocument document)
    {
        foreach (var ((id, member), _) in NullableMembers)
            if (document.Components?.Schemas is { } schemas && schemas.TryGetValue(id, out var found) && found is OpenApiSchema { Properties: { } properties } owner && properties.ContainsKey(member))
                MayBeNull(owner, member);
    }

    /// <summary>A file in a form is bytes where it stands (clients generate an upload for it only then), not a reference to IFormFile.</summary>
    private static void InlineFiles(OpenApiDocument document)
    {
        foreach (var schema in (document.Components?.Schemas?.Values ?? []).OfType<OpenApiSchema>())
            foreach (var (name, property) in (schema.Properties ?? new Dictionary<string, IOpenApiSchema>()).ToList())
                if (property is OpenApiSchemaReference { Reference.Id: "IFormFile" })
                    schema.Properties![name] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "The file." };
        document.Components?.Schemas?.Remove("IFormFile");
    }

    /// <summary>A member that may be null (the generator leaves it out for a getter without a setter).</summary>
    private static void MayBeNull(OpenApiSchema schema, string name)
    {
        switch (schema.Properties![name])
        {
            case OpenApiSchemaReference reference:
                schema.Properties[name] = new OpenApiSchema
                {
                    OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, new OpenApiSchemaReference(reference.Reference.Id!, reference.Reference.HostDocument)],
                    Description = reference.Description,
                };
                break;
            case OpenApiSchema { Type: { } type } inline when (type & JsonSchemaType.Null) == 0:
                inline.Type = type | JsonSchemaType.Null;
                break;
        }
    }

    /// <summary>The members Vigil's problems add to RFC 9457's.</summary>
    private static void ProblemMembers(OpenApiSchema schema)
    {
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties.TryAdd("trace_id", new OpenApiSchema { Type = JsonSchemaType.String, Description = "The request's trace id, as in the server's log." });
        schema.Properties.TryAdd("current_revision", new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "412: the incident's revision now." });
        schema.Properties.TryAdd("field", new OpenApiSchema { Type = JsonSchemaType.String, Description = "413: what was too large (body or file)." });
        schema.Properties.TryAdd("limit_bytes", new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "413: the limit, in bytes." });
    }

    /// <summary>The field edits an accept takes beside merge_into and use_figures: each a string (a number is taken too).</summary>
    private static void AcceptEdits(OpenApiSchema schema)
    {
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        foreach (var field in Extraction.Review.StatementFields.All)
            schema.Properties.TryAdd(field, new OpenApiSchema
            {
                Type = JsonSchemaType.String | JsonSchemaType.Null,
                Description = "A field edit (a string, or a number for a count).",
            });
    }
}

/// <summary>The error answers an endpoint may give, for the OpenAPI document: 400 as a validation problem naming the field, the rest as problem details.</summary>
public static class ProblemResponses
{
    public static RouteHandlerBuilder Fails(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
            builder = status == StatusCodes.Status400BadRequest ? builder.ProducesValidationProblem() : builder.ProducesProblem(status);
        return builder;
    }

    /// <summary>A JSON body: its type, and the answers to one too large (413) or not JSON (415), or with a bad value (400).</summary>
    public static RouteHandlerBuilder JsonBody<T>(this RouteHandlerBuilder builder, bool optional = false) where T : notnull =>
        builder.Body<T>(!optional, "application/json").Fails(400, 413, 415);

    /// <summary>A body the endpoint reads itself, in these content types.</summary>
    public static RouteHandlerBuilder Body<T>(this RouteHandlerBuilder builder, bool required, params string[] contentTypes) where T : notnull =>
        builder.Accepts<T>(isOptional: true, contentTypes[0], [.. contentTypes.Skip(1), ApiDocument.AnyContent])
            .AddOpenApiOperationTransformer(ApiDocument.Body(required));
}

using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Vigil.Server.Security;

/// <summary>
/// The OpenAPI document names its server as "/" (relative to wherever it was fetched from) instead of
/// echoing the request's Host header, which a client or a misconfigured proxy controls.
/// </summary>
public static class OpenApiServers
{
    public static void Relative(OpenApiOptions options) =>
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Servers = [new OpenApiServer { Url = "/" }];
            return Task.CompletedTask;
        });
}

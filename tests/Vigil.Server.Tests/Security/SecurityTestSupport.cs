using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Application.Access;
using Vigil.Storage;
using Vigil.Web.Auth;
using Vigil.Web.Security;

namespace Vigil.Server.Tests.Security;

/// <summary>Helpers for the security tests: sign-in sessions, uploads, and reading problem details.</summary>
internal static class SecurityTestSupport
{
    /// <summary>A client that carries a dashboard sign-in session for the role's key (and no key header).</summary>
    public static HttpClient SessionClient(this ApiFactory api, ApiRole role, string? origin = null)
    {
        var sessions = api.Services.GetRequiredService<Sessions>();
        var id = sessions.Start(ApiKeySecrets.Hash(api.Keys[role]), replacing: null);
        var client = api.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", $"{ApiKeys.Cookie}={id}");
        if (origin is not null)
            client.DefaultRequestHeaders.Add("Origin", origin);
        return client;
    }

    public static MultipartFormDataContent Upload(string text, string name)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", name);
        return form;
    }

    public static async Task<string> Text(this HttpResponseMessage response) =>
        await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
}

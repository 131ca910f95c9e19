using Scalar.AspNetCore;

namespace Vigil.Server.Api;

/// <summary>
/// The reference page at /api/docs (Scalar), made to work with no internet, as the rest of Vigil does: its script comes
/// from the Scalar.AspNetCore assembly (served under /api/docs/), no fonts from Scalar's CDN, no telemetry, no proxy for
/// test requests (they go to this server), and none of the buttons that only work through Scalar's services — the AI
/// chat ("Ask AI"), MCP, the SDK generator ("Generate SDK") and the developer tools ("Deploy", "Share").
/// </summary>
public static class ApiReference
{
    public static void Offline(ScalarOptions o)
    {
        o.OpenApiRoutePattern = "/api/v1/openapi.json";
        o.Title = "Vigil API";
        o.DefaultFonts = false;
        o.Telemetry = false;
        o.HideClientButton = true;
        o.ShowDeveloperTools = DeveloperToolsVisibility.Never;
        o.DisableAgent();
        o.DisableMcp();
        // Test requests go straight to this server: an empty proxy is none (unset, Scalar's own proxy would be the default).
        o.ProxyUrl = "";
        o.AddPreferredSecuritySchemes([ApiDocument.ApiKeyScheme]);
    }
}

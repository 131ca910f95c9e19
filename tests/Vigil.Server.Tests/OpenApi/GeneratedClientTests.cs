using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NSwag.CodeGeneration.CSharp;
using Vigil.Storage;

namespace Vigil.Server.Tests.OpenApi;

/// <summary>
/// The served OpenAPI document is good enough to build a client from: NSwag generates a C# client from it, Roslyn compiles
/// it here, and the client — with a viewer's key, then an analyst's — lists incidents with a filter, gets one, reads the
/// series and the month's overview, and records an incident; each answer equals what the plain HTTP API returns.
/// </summary>
public sealed class GeneratedClientTests : IDisposable
{
    private readonly ApiFactory _api = new();
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    public GeneratedClientTests() => _api.SeedUcdp();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task A_client_generated_from_the_document_reads_and_writes_as_the_plain_api_does()
    {
        var viewer = _api.Client(ApiRole.Viewer);
        var code = await Generate(await viewer.GetStringAsync("/api/v1/openapi.json", Ct));
        Directory.CreateDirectory("TestResults");
        await File.WriteAllTextAsync(Path.Combine("TestResults", "GeneratedVigilClient.cs"), code, Ct);
        var clientType = Compile(code).GetType("Generated.VigilClient", throwOnError: true)!;
        dynamic asViewer = Activator.CreateInstance(clientType, viewer)!;

        // A filtered page of incidents.
        var page = await asViewer.GetIncidentsAsync(@from: "2021-01", to: "2021-12", province: new[] { "Balochistan" }, sort: "killed", page_size: (int?)5);
        var plainPage = await Plain(viewer, "/api/v1/incidents?from=2021-01&to=2021-12&province=Balochistan&sort=killed&page_size=5");
        Same(plainPage, page);
        Assert.Equal(5, plainPage.GetProperty("items").GetArrayLength());

        // One incident.
        long id = ((System.Collections.IEnumerable)page.Items).Cast<dynamic>().First().Id;
        Same(await Plain(viewer, $"/api/v1/incidents/{id}"), await asViewer.GetIncidentsByIdAsync(id));

        // The figures: a series broken down by province, and the month's overview.
        var series = await asViewer.GetStatisticsSeriesAsync(@from: "2021-01", to: "2021-12", by: "month", breakdown: "province", metric: "killed");
        Same(await Plain(viewer, "/api/v1/statistics/series?from=2021-01&to=2021-12&by=month&breakdown=province&metric=killed"), series);
        Assert.NotEqual(0, series.Rows.Count);
        Same(await Plain(viewer, "/api/v1/statistics/overview?month=2021-12"), await asViewer.GetStatisticsOverviewAsync(month: "2021-12"));

        // A write with an analyst's key, read back through the plain API.
        var analyst = _api.Client(ApiRole.Analyst);
        dynamic asAnalyst = Activator.CreateInstance(clientType, analyst)!;
        dynamic input = Activator.CreateInstance(clientType.Assembly.GetType("Generated.IncidentInput", throwOnError: true)!)!;
        dynamic killed = Activator.CreateInstance(clientType.Assembly.GetType("Generated.CasualtyInput", throwOnError: true)!)!;
        killed.Best = (int?)7;
        input.Date_start = (DateOnly?)new DateOnly(2024, 2, 3);
        input.Admin1 = "KP";
        input.Admin2 = "Peshawar";
        input.Event_type = "suicide-bombing";
        input.Perpetrator = "TTP";
        input.Killed = killed;
        var created = await asAnalyst.PostIncidentsAsync(input);
        long createdId = created.Id;
        var stored = await Plain(analyst, $"/api/v1/incidents/{createdId}");
        Same(stored, created);
        Assert.Equal("Khyber Pakhtunkhwa", stored.GetProperty("admin1").GetString());
        Assert.Equal(7, stored.GetProperty("killed").GetProperty("best").GetInt32());

        // The viewer's key may not write: the client sees the documented 403.
        var refused = await Assert.ThrowsAnyAsync<Exception>(async () => await asViewer.PostIncidentsAsync(input));
        Assert.Equal(403, (int)refused.GetType().GetProperty("StatusCode")!.GetValue(refused)!);
    }

    private static async Task<string> Generate(string json)
    {
        var document = await NSwag.OpenApiDocument.FromJsonAsync(json);
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "VigilClient",
            UseBaseUrl = false,
            InjectHttpClient = true,
            GenerateClientInterfaces = false,
            GenerateOptionalParameters = true,
            OperationNameGenerator = new NSwag.CodeGeneration.OperationNameGenerators.SingleClientFromOperationIdOperationNameGenerator(),
        };
        settings.CSharpGeneratorSettings.Namespace = "Generated";
        settings.CSharpGeneratorSettings.DateType = "System.DateOnly";
        return new CSharpClientGenerator(document, settings).GenerateFile();
    }

    private static Assembly Compile(string code)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.Length > 0).Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("Vigil.GeneratedClient", [CSharpSyntaxTree.ParseText(code)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(emitted.Success, "the generated client does not compile:\n" + string.Join("\n", errors.Take(20)));
        image.Position = 0;
        return AssemblyLoadContext.Default.LoadFromStream(image);
    }

    private async Task<JsonElement> Plain(HttpClient client, string url) =>
        JsonDocument.Parse(await client.GetStringAsync(url, Ct)).RootElement.Clone();

    /// <summary>The generated client's object, written back as JSON by its own serializer, equals the plain answer.</summary>
    private static void Same(JsonElement plain, object generated)
    {
        var written = JsonDocument.Parse(Newtonsoft.Json.JsonConvert.SerializeObject(generated)).RootElement;
        var differences = new List<string>();
        Compare(plain, written, "$", differences);
        Assert.True(differences.Count == 0, "the generated client's answer differs:\n" + string.Join("\n", differences.Take(20)));
    }

    private static void Compare(JsonElement plain, JsonElement client, string at, List<string> differences)
    {
        if (plain.ValueKind == JsonValueKind.Object && client.ValueKind == JsonValueKind.Object)
        {
            var names = plain.EnumerateObject().Select(p => p.Name).Union(client.EnumerateObject().Select(p => p.Name)).ToList();
            foreach (var name in names)
            {
                var a = plain.TryGetProperty(name, out var x) ? x : default;
                var b = client.TryGetProperty(name, out var y) ? y : default;
                // A member left out by one side and null on the other says the same.
                if (a.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null && b.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
                    continue;
                Compare(a, b, $"{at}.{name}", differences);
            }
            return;
        }
        if (plain.ValueKind == JsonValueKind.Array && client.ValueKind == JsonValueKind.Array)
        {
            if (plain.GetArrayLength() != client.GetArrayLength())
                differences.Add($"{at}: {plain.GetArrayLength()} items, the client has {client.GetArrayLength()}");
            else
                for (var i = 0; i < plain.GetArrayLength(); i++)
                    Compare(plain[i], client[i], $"{at}[{i}]", differences);
            return;
        }
        var same = (plain.ValueKind, client.ValueKind) switch
        {
            (JsonValueKind.Number, JsonValueKind.Number) => plain.GetDecimal() == client.GetDecimal(),
            (JsonValueKind.String, JsonValueKind.String) => plain.GetString() == client.GetString() || SameInstant(plain.GetString()!, client.GetString()!),
            _ => plain.ValueKind == client.ValueKind && plain.GetRawText() == client.GetRawText(),
        };
        if (!same)
            differences.Add($"{at}: {plain.GetRawText()} in the API, {client.GetRawText()} through the client");
    }

    private static bool SameInstant(string a, string b) =>
        DateTimeOffset.TryParse(a, CultureInfo.InvariantCulture, DateTimeStyles.None, out var x)
        && DateTimeOffset.TryParse(b, CultureInfo.InvariantCulture, DateTimeStyles.None, out var y) && x == y;
}

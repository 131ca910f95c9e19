using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Dashboard.Tests.Support;
using Vigil.Server;
using Vigil.Storage;
using Vigil.TestSupport;
using Vigil.Web;

namespace Vigil.Dashboard.Tests.Browser;

/// <summary>
/// The real server (Kestrel) on a free loopback port over a copy of the bundled UCDP data (or a database the test makes), reading
/// anonymously, with an analyst and a viewer key; an HttpClient to ask its API the same questions.
/// </summary>
public sealed class LiveServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TempDirectory _folder;

    private LiveServer(WebApplication app, TempDirectory folder, string database, string url, string analystKey, string viewerKey, string adminKey)
    {
        AdminKey = adminKey;
        _app = app;
        _folder = folder;
        Database = database;
        Url = url;
        AnalystKey = analystKey;
        ViewerKey = viewerKey;
        Api = new HttpClient { BaseAddress = new Uri(url) };
    }

    public string Database { get; }
    public string Url { get; }
    public string AnalystKey { get; }
    public string ViewerKey { get; }
    public string AdminKey { get; }
    public HttpClient Api { get; }

    /// <param name="data">Makes the database in the folder (default: a copy of the bundled UCDP data).</param>
    /// <param name="configure">Changes the server's options (e.g. lets it read feeds on loopback).</param>
    public static async Task<LiveServer> StartAsync(Func<TempDirectory, string>? data = null, Func<ServerOptions, ServerOptions>? configure = null)
    {
        var folder = new TempDirectory();
        var database = (data ?? TestDatabases.Ucdp)(folder);
        var analyst = TestDatabases.AddKey(database, "amina", ApiRole.Analyst);
        var viewer = TestDatabases.AddKey(database, "vera", ApiRole.Viewer);
        var admin = TestDatabases.AddKey(database, "adil", ApiRole.Admin);
        var options = new ServerOptions { Database = database, AnonymousRead = true };
        var app = VigilServer.Build(["--urls", "http://127.0.0.1:0"], configure is null ? options : configure(options));
        VigilServer.Prepare(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LiveServer(app, folder, database, url, analyst, viewer, admin);
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _folder.Dispose();
    }
}

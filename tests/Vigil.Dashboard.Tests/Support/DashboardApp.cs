using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Vigil.TestSupport;

namespace Vigil.Dashboard.Tests.Support;

/// <summary>The server in memory (TestServer) over a database of the test's own, reading anonymously unless told not to.</summary>
public sealed class DashboardApp : WebApplicationFactory<Program>
{
    private readonly bool _anonymousRead;

    private DashboardApp(TempDirectory folder, string database, bool anonymousRead)
    {
        Folder = folder;
        Database = database;
        _anonymousRead = anonymousRead;
    }

    public TempDirectory Folder { get; }
    public string Database { get; }

    /// <summary>Over a copy of the bundled UCDP data.</summary>
    public static DashboardApp WithUcdp(bool anonymousRead = true)
    {
        var folder = new TempDirectory();
        return new DashboardApp(folder, TestDatabases.Ucdp(folder), anonymousRead);
    }

    /// <summary>Over a copy of the bundled UCDP data with Afghan events in UCDP's layout added (<see cref="TestDatabases.UcdpWithAfghanistan"/>).</summary>
    public static DashboardApp WithUcdpAndAfghanistan()
    {
        var folder = new TempDirectory();
        return new DashboardApp(folder, TestDatabases.UcdpWithAfghanistan(folder), anonymousRead: true);
    }

    /// <summary>Over a database filled as a fresh install fills it (<see cref="TestDatabases.Bundled"/>).</summary>
    public static DashboardApp WithBundled()
    {
        var folder = new TempDirectory();
        return new DashboardApp(folder, TestDatabases.Bundled(folder), anonymousRead: true);
    }

    /// <summary>Over an empty database, for a test to put a few incidents in.</summary>
    public static DashboardApp WithEmpty(bool anonymousRead = true)
    {
        var folder = new TempDirectory();
        return new DashboardApp(folder, TestDatabases.Empty(folder), anonymousRead);
    }

    /// <summary>A client that keeps cookies and does not follow redirects (tests look at them); with a key when given.</summary>
    public HttpClient Client(string? apiKey = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (apiKey is not null)
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("db", Database);
        builder.UseSetting("anonymous-read", _anonymousRead ? "true" : "false");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            Folder.Dispose();
    }
}

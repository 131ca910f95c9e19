using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Vigil.Application.Access;
using Vigil.Ingestion;
using Vigil.Ingestion.Normalization;
using Vigil.Storage;
using Vigil.Storage.Sqlite;
using Vigil.TestSupport;
using Vigil.TestSupport.Contracts;
using Vigil.Web.Auth;

namespace Vigil.Server.Tests;

/// <summary>
/// The real server over a fresh SQLite database, with one key per role. <see cref="Client"/> sends a key
/// (or none). The database can be seeded with a few incidents or the bundled UCDP file.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory _dir = new();
    private readonly bool _anonymousRead;
    private readonly int _requestsPerMinute;

    private readonly bool _feedsAllowPrivate;

    public ApiFactory(bool anonymousRead = false, int requestsPerMinute = 100_000, bool feedsAllowPrivate = false)
    {
        _feedsAllowPrivate = feedsAllowPrivate;
        _anonymousRead = anonymousRead;
        _requestsPerMinute = requestsPerMinute;
        Database = _dir.File("api.db");
        using var store = SqliteIncidentStore.Open(Database);
        foreach (var role in Enum.GetValues<ApiRole>())
        {
            var key = ApiKeySecrets.New();
            Keys[role] = key;
            store.AccessStore.AddKey(role.ToString().ToLowerInvariant(), role, ApiKeySecrets.Hash(key));
        }
    }

    public string Database { get; }

    public Dictionary<ApiRole, string> Keys { get; } = [];

    public string Directory => _dir.Path;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("db", Database);
        builder.UseSetting("anonymous-read", _anonymousRead ? "true" : "false");
        builder.UseSetting("requests-per-minute", _requestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("feeds-allow-private", _feedsAllowPrivate ? "true" : "false");
        builder.ConfigureLogging(l => l.AddProvider(Logs));
    }

    /// <summary>Every log entry the server wrote, with its event id.</summary>
    public CapturedLogs Logs { get; } = new();

    public HttpClient Client(ApiRole? role)
    {
        var client = CreateClient();
        if (role is { } r)
            client.DefaultRequestHeaders.Add(ApiKeys.Header, Keys[r]);
        return client;
    }

    public HttpClient ClientWithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeys.Header, key);
        return client;
    }

    /// <summary>Adds a few incidents; returns them as stored.</summary>
    public IReadOnlyList<Domain.Incidents.Incident> Seed(int count = 3)
    {
        using var store = SqliteIncidentStore.Open(Database);
        using (var session = store.BeginImport(new ImportRequest("test", "seed.csv", "test", "seed")))
        {
            for (var i = 1; i <= count; i++)
                session.Upsert(Incidents.Sample(id: i.ToString(System.Globalization.CultureInfo.InvariantCulture), day: i, killed: i * 10));
            session.Commit(0, "seed");
        }
        return store.Query(IncidentQuery.All with { Sort = IncidentSort.Id }).ToList();
    }

    public void SeedUcdp()
    {
        using var store = SqliteIncidentStore.Open(Database);
        new Importer(store, IncidentNormalizer.Bundled()).Import(RepoFiles.BundledUcdp, new ImportOptions());
    }

    public string Fingerprint() => StoreFingerprint.Of(Database);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            _dir.Dispose();
    }
}

internal static class Json
{
    public static StringContent Body(string json) => new(json, new MediaTypeHeaderValue("application/json"));
}

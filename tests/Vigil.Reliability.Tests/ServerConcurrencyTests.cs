using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Vigil.Application.Access;
using Vigil.Storage;
using Vigil.Storage.Backends;
using Vigil.Web;
using Vigil.Web.Auth;

namespace Vigil.Reliability.Tests;

/// <summary>
/// Writers (creating and editing incidents through the API, retrying after a 412 as a client should) and
/// readers (lists and the overview) hammer one server for a bounded time; afterwards the incidents, their
/// revisions and the audit trail add up exactly to the writes the server acknowledged.
/// </summary>
public sealed class ServerConcurrencyTests
{
    private const int Writers = 4, Readers = 4;
    private static readonly TimeSpan RunFor = TimeSpan.FromSeconds(8);

    // Any type of the server assembly names its entry point (the CLI has a Program class too).
    private sealed class Factory(string db) : WebApplicationFactory<Vigil.Server.Infrastructure.DataVersion>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("db", db);
            builder.UseSetting("anonymous-read", "false");
            builder.UseSetting("requests-per-minute", "10000000");
        }
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Counts_and_revisions_add_up_after_concurrent_writers_and_readers(string backend)
    {
        using var target = new CrashTarget(backend);
        var db = target.Fresh();
        if (backend == "postgres")
        {
            // A server keeps a pool of connections, as a deployment would (the test databases turn pooling off).
            db = "postgres:" + new Npgsql.NpgsqlConnectionStringBuilder(DatabaseLocation.Parse(db).Target) { Pooling = true }.ConnectionString;
        }
        var key = ApiKeySecrets.New();
        using (var store = CrashTarget.Open(db))
            store.AccessStore.AddKey("writer", ApiRole.Analyst, ApiKeySecrets.Hash(key));
        using var factory = new Factory(db);
        var ct = TestContext.Current.CancellationToken;
        var stop = DateTime.UtcNow + RunFor;

        var created = new ConcurrentBag<long>();
        var edits = new ConcurrentDictionary<long, int>();
        long conflicts = 0, reads = 0;
        var errors = new ConcurrentQueue<string>();

        async Task Write(int w)
        {
            using var client = factory.CreateClient();
            client.DefaultRequestHeaders.Add(ApiKeys.Header, key);
            var random = new Random(w);
            for (var n = 0; DateTime.UtcNow < stop; n++)
            {
                if (n % 3 == 0)
                {
                    var body = $$"""{"date_start":"2021-0{{1 + random.Next(9)}}-1{{random.Next(10)}}","event_type":"bombing","admin1":"Sindh","notes":"created by {{w}}-{{n}}"}""";
                    var response = await client.PostAsync("/api/v1/incidents", Body(body), ct);
                    if (response.StatusCode != HttpStatusCode.Created)
                    {
                        errors.Enqueue($"create: {(int)response.StatusCode}");
                        continue;
                    }
                    created.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("id").GetInt64());
                    continue;
                }
                var id = 1 + random.Next(40); // a few hot incidents, so writers collide
                while (true)
                {
                    var get = await client.GetAsync($"/api/v1/incidents/{id}", ct);
                    using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/incidents/{id}")
                    {
                        Content = Body($$"""{"date_start":"2020-01-01","event_type":"bombing","notes":"edit {{w}}-{{n}}"}"""),
                    };
                    put.Headers.IfMatch.Add(get.Headers.ETag!);
                    var response = await client.SendAsync(put, ct);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        edits.AddOrUpdate(id, 1, (_, c) => c + 1);
                        break;
                    }
                    if (response.StatusCode == HttpStatusCode.PreconditionFailed)
                    {
                        Interlocked.Increment(ref conflicts);
                        continue;
                    }
                    errors.Enqueue($"edit: {(int)response.StatusCode}");
                    break;
                }
            }
        }

        async Task Read(int r)
        {
            using var client = factory.CreateClient();
            client.DefaultRequestHeaders.Add(ApiKeys.Header, key);
            for (var n = 0; DateTime.UtcNow < stop; n++)
            {
                var path = n % 2 == 0 ? $"/api/v1/incidents?page_size=50&page={1 + n % 5}" : "/api/v1/statistics/overview?month=2021-03";
                var response = await client.GetAsync(path, ct);
                if (response.StatusCode != HttpStatusCode.OK)
                    errors.Enqueue($"read {path}: {(int)response.StatusCode}");
                Interlocked.Increment(ref reads);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(() => Write(w), ct))
            .Concat(Enumerable.Range(0, Readers).Select(r => Task.Run(() => Read(r), ct))));

        Assert.Empty(errors);
        using var check = CrashTarget.Open(db);
        CrashTarget.AssertSound(check);
        Assert.Equal(CrashTarget.BaselineCount + created.Count, check.Count(IncidentQuery.All));
        Assert.Equal(created.Count, created.Distinct().Count());
        foreach (var id in Enumerable.Range(1, 40).Select(i => (long)i))
        {
            var expected = 1 + edits.GetValueOrDefault(id);
            Assert.Equal(expected, check.Find(id)!.Revision);
            Assert.Equal(Enumerable.Range(1, expected), check.GetRevisions(id).Select(r => r.Number));
        }
        var writes = created.Count + edits.Values.Sum();
        var audited = check.AccessStore.GetAudit(1_000_000).Count(a => a.Actor == "key:writer" && a.Status is >= 200 and < 300);
        Assert.Equal(writes, audited);
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"concurrency ({backend}): {Writers} writers and {Readers} readers for {RunFor.TotalSeconds:F0} s: {created.Count} creates, {edits.Values.Sum()} edits, {conflicts} conflicts retried (412), {reads} reads; counts, revisions and audit trail add up");
        TestContext.Current.SendDiagnosticMessage(summary);
        Summaries.Write(summary);
    }

    private static StringContent Body(string json) => new(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json").MediaType!);
}

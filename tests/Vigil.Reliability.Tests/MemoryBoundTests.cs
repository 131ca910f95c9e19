using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Vigil.Application.Access;
using Vigil.Storage;
using Vigil.Storage.Backends;
using Vigil.TestSupport;
using Vigil.Web.Auth;

namespace Vigil.Reliability.Tests;

/// <summary>
/// Issue 13, defect 2, measured on a real server process: a bounded burst of oversized bodies (chunked,
/// no Content-Length) and unbounded queries from a viewer keeps the server's resident memory growth (read
/// from /proc) under <see cref="MaxGrowthMb"/>, and /health answers throughout.
/// </summary>
public sealed class MemoryBoundTests
{
    /// <summary>The stated bound on resident memory growth during the burst. (Before the fix: 1.6 GB.)</summary>
    private const long MaxGrowthMb = 300;

    private const int Parallel = 4;
    private const long BodyBytes = 190L * 1024 * 1024;

    private static long ResidentMb(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }
        throw new InvalidOperationException("no VmRSS in /proc/PID/status");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A chunked body produced as it is sent; stops quietly when the server closes the connection.</summary>
    private sealed class Endless(long bytes) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = new byte[64 * 1024];
            chunk.AsSpan().Fill((byte)' ');
            chunk[0] = (byte)'[';
            for (long sent = 0; sent < bytes; sent += chunk.Length)
            {
                await stream.WriteAsync(chunk);
                chunk[0] = (byte)' ';
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            length = -1;
            return false;
        }
    }

    [Fact]
    public async Task Oversized_bodies_and_unbounded_queries_keep_server_memory_bounded_and_health_answering()
    {
        if (!OperatingSystem.IsLinux())
            Assert.Fail("this test reads the server's memory from /proc: run it on Linux (CI does)");
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        var db = dir.File("memory.db");
        var key = ApiKeySecrets.New();
        using (var store = DatabaseLocation.Parse(db).Open())
            store.Access.AddKey("viewer", ApiRole.Viewer, ApiKeySecrets.Hash(key));
        var url = $"http://127.0.0.1:{FreePort()}";
        using var server = Worker.Start(["cli", "serve", "--db", db, "--urls", url]);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(2) };
            http.DefaultRequestHeaders.Add(ApiKeys.Header, key);
            var started = Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    if ((await http.GetAsync("/health", ct)).IsSuccessStatusCode)
                        break;
                }
                catch (HttpRequestException)
                {
                }
                Assert.False(server.HasExited, "the server exited before answering /health");
                Assert.True(started.Elapsed < TimeSpan.FromMinutes(3), "the server did not answer /health within 3 minutes");
                await Task.Delay(250, ct);
            }
            // Warm up what a normal request touches, then measure.
            for (var i = 0; i < 3; i++)
                await http.GetAsync("/api/v1/statistics/series?by=month", ct);
            var baseline = ResidentMb(server.Id);
            long peak = baseline;
            var healthFailures = 0;
            var healthChecks = 0;
            using var done = new CancellationTokenSource();
            var watcher = Task.Run(async () =>
            {
                using var health = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) };
                while (!done.IsCancellationRequested)
                {
                    peak = Math.Max(peak, ResidentMb(server.Id));
                    try
                    {
                        healthChecks++;
                        if (!(await health.GetAsync("/health", ct)).IsSuccessStatusCode)
                            healthFailures++;
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        healthFailures++;
                    }
                    await Task.Delay(200, ct);
                }
            }, ct);

            var statuses = new System.Collections.Concurrent.ConcurrentBag<int>();
            async Task Oversized()
            {
                try
                {
                    statuses.Add((int)(await http.PostAsync("/api/v1/claims/check", new Endless(BodyBytes), ct)).StatusCode);
                }
                catch (HttpRequestException)
                {
                    statuses.Add(413); // the server answered 413 and closed the connection while we were still sending
                }
            }
            async Task Unbounded(string query) =>
                statuses.Add((int)(await http.GetAsync("/api/v1/statistics/series?" + query, ct)).StatusCode);
            var burst = Enumerable.Range(0, Parallel).Select(_ => Oversized())
                .Concat(Enumerable.Range(0, Parallel).Select(i => Unbounded(i % 2 == 0 ? "by=day&breakdown=district" : "by=week&breakdown=perpetrator&from=1900&to=2100")));
            await Task.WhenAll(burst);
            await Task.Delay(1000, ct);
            done.Cancel();
            await watcher;
            peak = Math.Max(peak, ResidentMb(server.Id));

            var growth = peak - baseline;
            Summaries.Write($"memory: {Parallel} chunked bodies of {BodyBytes / (1024 * 1024)} MB and {Parallel} unbounded series from a viewer: resident {baseline} MB -> peak {peak} MB (growth {growth} MB, bound {MaxGrowthMb} MB); /health {healthChecks - healthFailures}/{healthChecks} answered; statuses {string.Join(",", statuses.Order())}");
            Assert.All(statuses, s => Assert.True(s is 400 or 413, $"status {s}"));
            Assert.Equal(0, healthFailures);
            Assert.True(healthChecks > 0);
            Assert.True(growth < MaxGrowthMb, $"resident memory grew by {growth} MB (from {baseline} MB to {peak} MB); the bound is {MaxGrowthMb} MB");
        }
        finally
        {
            Worker.Kill(server);
        }
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Vigil.Reliability.Tests;

/// <summary>
/// Two processes edit incidents as fast as they can and are killed with SIGKILL; every edit either process
/// acknowledged (printed after its commit returned) is in the database with its revision, and every
/// incident's revisions run 1, 2, 3, ... up to its current revision with nothing missing.
/// </summary>
public sealed partial class EditCrashTests
{
    private const int Trials = 3;

    [GeneratedRegex(@"^ACK (\d+) (\d+) (edit \d+-\d+)$")]
    private static partial Regex Ack();

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void Every_acknowledged_edit_survives_a_kill(string backend)
    {
        using var target = new CrashTarget(backend);
        var random = new Random(29112026);
        long acknowledgedTotal = 0;
        for (var trial = 0; trial < Trials; trial++)
        {
            var db = target.Fresh();
            var acks = new ConcurrentQueue<string>();
            var workers = Enumerable.Range(1, 2)
                .Select(w => Worker.Start(["edits", db, (trial * 10 + w).ToString(CultureInfo.InvariantCulture)], acks.Enqueue))
                .ToList();
            // Let them warm up and edit for a while, then kill both at a random moment.
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (acks.Count < 50 && DateTime.UtcNow < deadline)
                Thread.Sleep(50);
            Thread.Sleep(random.Next(200, 1500));
            foreach (var w in workers)
            {
                Assert.True(Worker.Kill(w), "the editor was still running when killed");
                w.Dispose();
            }

            using var store = CrashTarget.Open(db);
            CrashTarget.AssertSound(store);
            var parsed = acks.Select(line => Ack().Match(line)).Where(m => m.Success).ToList();
            Assert.True(parsed.Count >= 50, $"the editors acknowledged only {parsed.Count} edits");
            acknowledgedTotal += parsed.Count;
            foreach (var m in parsed)
            {
                var id = long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                var number = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
                var revision = store.GetRevisions(id).SingleOrDefault(r => r.Number == number);
                Assert.True(revision is not null, $"acknowledged revision {number} of incident {id} is missing");
                Assert.Equal(m.Groups[3].Value, revision.Changes.Single(c => c.Field == "notes").After);
            }
            foreach (var id in parsed.Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct())
            {
                var revisions = store.GetRevisions(id);
                Assert.Equal(Enumerable.Range(1, revisions.Count), revisions.Select(r => r.Number));
                Assert.Equal(revisions.Count, store.Find(id)!.Revision);
            }
        }
        var summary = $"crash during edits ({backend}): {Trials} trials, 2 editing processes killed each time, {acknowledgedTotal:N0} acknowledged edits, all present with their revisions";
        TestContext.Current.SendDiagnosticMessage(summary);
        Summaries.Write(summary);
    }
}

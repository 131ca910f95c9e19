using System.Globalization;
using System.Text.Json;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Cli.Tests;

public class MergeApplyTests
{
    // The merging test's articles: five reports of a suicide bombing at a Peshawar mosque on Friday 3 March 2023,
    // two of gunmen attacking a police checkpost the same day in the same district.
    private const string Articles = """
        {"id": "a1", "url": "https://example.org/a1", "published": "2023-03-04", "text": "A suicide bomber blew himself up inside a mosque in Peshawar on Friday, killing at least 57 worshippers."}
        {"id": "a2", "url": "https://example.org/a2", "published": "2023-03-04", "text": "The death toll from Friday's suicide bombing at a Peshawar mosque rose to 61, hospital officials said."}
        {"id": "a3", "url": "https://example.org/a3", "published": "2023-03-04", "text": "Dozens of worshippers were killed when a suicide attacker struck Friday prayers in Peshawar yesterday."}
        {"id": "a4", "url": "https://example.org/a4", "published": "2023-03-05", "text": "ISKP claimed the suicide blast that killed 59 people at a Shia mosque in Peshawar on 3 March."}
        {"id": "a5", "url": "https://example.org/a5", "published": "2023-03-04", "text": "Peshawar mourned on Saturday after a suicide bombing at a mosque a day earlier; officials said 58 people had died."}
        {"id": "b1", "url": "https://example.org/b1", "published": "2023-03-04", "text": "Gunmen attacked a police checkpost on the outskirts of Peshawar on Friday, killing two policemen."}
        {"id": "b2", "url": "https://example.org/b2", "published": "2023-03-04", "text": "Two policemen were martyred when armed men opened fire on a checkpoint in Peshawar yesterday."}
        """;

    [Fact]
    public void Seven_reports_of_two_attacks_merge_into_two_incidents_and_undoing_restores_the_pending_reports()
    {
        using var cli = new Cli();
        Assert.Equal(0, cli.Run("ingest-news", cli.Dir.Write("news.jsonl", Articles)).ExitCode);
        var pendingBefore = Reports(cli, "pending");
        Assert.Equal(7, pendingBefore.Count);

        var apply = cli.Run("merge", "--apply", "--by", "amina");
        Assert.Equal(0, apply.ExitCode);
        Assert.Contains("2 merges applied", apply.Output, StringComparison.Ordinal);
        Assert.Empty(Reports(cli, "pending"));

        long[] incidentIds;
        using (var store = SqliteIncidentStore.Open(cli.Db))
        {
            var incidents = store.Query(IncidentQuery.All, includeSources: true).ToList();
            Assert.Equal(2, incidents.Count);
            var mosque = incidents.Single(i => i.Sources.Length == 5);
            Assert.Equal((58, "merge:median-of-reports"), (mosque.Killed.Best!.Value, mosque.Killed.Rule));
            Assert.Equal(2, incidents.Single(i => i.Sources.Length == 2).Killed.Best);
            incidentIds = [.. incidents.Select(i => i.Id)];
        }

        var mergeIds = apply.Output.Split('\n').Where(l => l.StartsWith("merge ", StringComparison.Ordinal))
            .Select(l => l["merge ".Length..l.IndexOf(':', StringComparison.Ordinal)]).ToList();
        Assert.Equal(2, mergeIds.Count);
        foreach (var m in mergeIds)
            Assert.Equal(0, cli.Run("merge", "--undo", m).ExitCode);

        Assert.Equal(pendingBefore, Reports(cli, "pending"));
        using (var store = SqliteIncidentStore.Open(cli.Db))
        {
            Assert.Equal(0, store.Count(IncidentQuery.All));
            Assert.All(incidentIds, id => Assert.NotNull(store.Find(id, includeDeleted: true)!.DeletedAt));
        }
        Assert.Equal(4, cli.Run("merge", "--undo", mergeIds[0]).ExitCode);
    }

    private static List<long> Reports(Cli cli, string status)
    {
        using var doc = JsonDocument.Parse(cli.Run("review", "--status", status, "--json").Output);
        return [.. doc.RootElement.EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "report").Select(e => e.GetProperty("id").GetInt64())];
    }
}

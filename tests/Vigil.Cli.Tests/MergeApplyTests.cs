using System.Globalization;
using System.Text.Json;
using Vigil.Domain.Incidents;
using Vigil.Storage;
using Vigil.Storage.Sqlite;
using Vigil.TestSupport;

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

        var apply = cli.Run("merge", "apply", "--by", "amina");
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
            Assert.Equal(0, cli.Run("merge", "undo", m).ExitCode);

        Assert.Equal(pendingBefore, Reports(cli, "pending"));
        using (var store = SqliteIncidentStore.Open(cli.Db))
        {
            Assert.Equal(0, store.Count(IncidentQuery.All));
            Assert.All(incidentIds, id => Assert.NotNull(store.Find(id, includeDeleted: true)!.DeletedAt));
        }
        Assert.Equal(4, cli.Run("merge", "undo", mergeIds[0]).ExitCode);
    }

    // Two news reports of an Islamic State hideout raided in Peshawar on Monday 20 December 2021, which UCDP records
    // (bundled file, event 425055) as an armed clash between the government and IS with three dead; and one report
    // of an attack in Quetta that UCDP does not have.
    private const string UcdpNews = """
        {"id": "u1", "url": "https://example.org/u1", "published": "2021-12-21", "source": "Example Daily", "title": "Three killed in Peshawar raid", "text": "Three people were killed in Peshawar on Monday when security forces raided an Islamic State hideout, police said."}
        {"id": "u2", "url": "https://example.org/u2", "published": "2021-12-21", "source": "Example Times", "title": "IS militants killed", "text": "Security forces killed three militants of the Islamic State in an operation in Peshawar yesterday."}
        {"id": "q1", "url": "https://example.org/q1", "published": "2021-12-29", "source": "Example Daily", "title": "Quetta checkpost attacked", "text": "Four policemen were killed when gunmen attacked a checkpost in Quetta on Tuesday."}
        """;

    [Fact]
    public void News_reports_of_an_attack_ucdp_recorded_merge_into_the_imported_record_and_undoing_restores_it()
    {
        using var cli = new Cli();
        Assert.Equal(0, cli.Run("import", RepoFiles.BundledUcdp).ExitCode);
        Incident before;
        long count;
        using (var store = SqliteIncidentStore.Open(cli.Db))
        {
            count = store.Count(IncidentQuery.All);
            before = store.Query(new IncidentQuery { Datasets = ["ucdp-ged"], Districts = ["Peshawar"], From = new(2021, 12, 20), To = new(2021, 12, 20) }, includeSources: true).Single();
        }
        Assert.Equal(0, cli.Run("ingest-news", cli.Dir.Write("news.jsonl", UcdpNews)).ExitCode);

        using (var plan = JsonDocument.Parse(cli.Run("merge", "plan", "--json").Output))
        {
            var groups = plan.RootElement.GetProperty("groups").EnumerateArray().ToList();
            var raid = groups.Single(g => g.GetProperty("reports").GetArrayLength() == 2);
            Assert.Equal(before.Id, raid.GetProperty("into_incident").GetInt64());
            var quetta = groups.Single(g => g.GetProperty("reports").GetArrayLength() == 1);
            Assert.Equal("stays for review", quetta.GetProperty("outcome").GetString());
            // Blocking: the UCDP records (6,416) are never all compared; only those of the reports' district and days are read.
            Assert.InRange(plan.RootElement.GetProperty("stored_incidents_read").GetInt32(), 1, 20);
        }

        var apply = cli.Run("merge", "apply", "--by", "amina");
        Assert.Equal(0, apply.ExitCode);
        Assert.Contains("1 merge applied (1 into an existing incident, 0 new incidents); 1 group left for review", apply.Output, StringComparison.Ordinal);
        using (var store = SqliteIncidentStore.Open(cli.Db))
        {
            var merged = store.Query(new IncidentQuery { Datasets = ["ucdp-ged"], Districts = ["Peshawar"], From = new(2021, 12, 20), To = new(2021, 12, 20) }, includeSources: true).Single();
            Assert.Equal(before.Killed, merged.Killed); // the dataset's figure stands
            Assert.Equal(before.Sources.Length + 2, merged.Sources.Length);
            Assert.Contains(merged.Sources, s => s.Url == "https://example.org/u1");
            Assert.Equal(count, store.Count(IncidentQuery.All)); // nothing new was created
        }
        Assert.Single(Reports(cli, "pending"));
        using (var shown = JsonDocument.Parse(cli.Run("incidents", "show", before.Id.ToString(CultureInfo.InvariantCulture), "--json").Output))
        {
            var behind = shown.RootElement.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("article").GetString()).ToList();
            Assert.Equal(["u1", "u2"], behind);
        }

        var mergeId = apply.Output.Split('\n').Single(l => l.StartsWith("merge ", StringComparison.Ordinal))["merge ".Length..].Split(':')[0];
        Assert.Equal(0, cli.Run("merge", "undo", mergeId).ExitCode);
        using (var store = SqliteIncidentStore.Open(cli.Db))
        {
            var restored = store.Find(before.Id)!;
            var fields = IncidentFields.All.Where(f => !IncidentFields.Bookkeeping.Contains(f.Name)).ToList();
            var withSources = store.Query(new IncidentQuery { Datasets = ["ucdp-ged"], Districts = ["Peshawar"], From = new(2021, 12, 20), To = new(2021, 12, 20) }, includeSources: true).Single();
            Assert.Equal(fields.Select(f => f.Get(before)), fields.Select(f => f.Get(withSources)));
            Assert.Equal(before.Revision + 2, restored.Revision);
        }
        Assert.Equal(3, Reports(cli, "pending").Count);
        Assert.Contains("into existing", cli.Run("merge", "list").Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bulk_accept_merges_reports_into_the_imported_records_and_with_each_other_instead_of_duplicating_them()
    {
        using var cli = new Cli();
        Assert.Equal(0, cli.Run("import", RepoFiles.BundledUcdp).ExitCode);
        long before;
        using (var store = SqliteIncidentStore.Open(cli.Db))
            before = store.Count(IncidentQuery.All);

        var news = cli.Dir.Write("news.jsonl", Articles + "\n" + UcdpNews);
        var run = cli.Run("ingest-news", news, "--accept-all", "--by", "amina");
        Assert.Equal(0, run.ExitCode);
        // 7 mosque/checkpost reports -> 2 incidents; u1+u2 -> the UCDP record; q1 -> a new incident.
        Assert.Contains("10 report candidates accepted as incidents (1 new, 2 merged into stored incidents, 7 merged with other reports of the same attack), 0 left pending",
            run.Output, StringComparison.Ordinal);
        using (var store = SqliteIncidentStore.Open(cli.Db))
            Assert.Equal(before + 3, store.Count(IncidentQuery.All));
        Assert.Empty(Reports(cli, "pending"));
        Assert.Equal(3, JsonDocument.Parse(cli.Run("merge", "list", "--json").Output).RootElement.GetArrayLength());
    }

    private static List<long> Reports(Cli cli, string status)
    {
        using var doc = JsonDocument.Parse(cli.Run("review", "list", "--status", status, "--json").Output);
        return [.. doc.RootElement.EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "report").Select(e => e.GetProperty("id").GetInt64())];
    }
}

using System.Globalization;
using System.Text.Json;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Cli.Tests;

public class ReviewAcceptTests
{
    private static string S(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static List<JsonElement> Candidates(Cli cli, string status = "pending")
    {
        using var doc = JsonDocument.Parse(cli.Run("review", "list", "--status", status, "--json").Output);
        return [.. doc.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    private static long ReportId(Cli cli, string article) =>
        Candidates(cli).Single(c => c.GetProperty("kind").GetString() == "report" && c.GetProperty("article_id").GetString() == article).GetProperty("id").GetInt64();

    private static string News(Cli cli) => cli.Dir.Write("news.jsonl", """
        {"id": "n1", "published": "2023-03-07", "source": "Dawn", "url": "https://example.org/n1", "title": "Blast in Quetta", "text": "At least 12 people were killed in Quetta on Monday."}
        {"id": "n2", "published": "2023-03-09", "source": "Express", "url": "https://example.org/n2", "title": "Bannu attack", "text": "Five people were killed in Bannu yesterday."}
        """);

    [Fact]
    public void Accepting_a_report_creates_an_incident_with_the_article_as_source_and_marks_the_candidate_accepted()
    {
        using var cli = new Cli();
        Assert.Equal(0, cli.Run("ingest-news", News(cli)).ExitCode);
        var id = ReportId(cli, "n1");

        var accept = cli.Run("review", "accept", S(id), "--by", "amina");
        Assert.Equal(0, accept.ExitCode);

        var accepted = Candidates(cli, "accepted").Single();
        var incidentId = accepted.GetProperty("incident_id").GetInt64();
        Assert.Equal("amina", accepted.GetProperty("decided_by").GetString());
        using var store = SqliteIncidentStore.Open(cli.Db);
        var incident = store.Find(incidentId)!;
        Assert.Equal((12, "Quetta", new DateOnly(2023, 3, 6)), (incident.Killed.Best!.Value, incident.Place.Admin2, incident.Date.Start));
        var source = Assert.Single(incident.Sources);
        Assert.Equal(new Domain.Incidents.SourceReference("Dawn", new DateOnly(2023, 3, 7), "Blast in Quetta", "https://example.org/n1"),
            source with { Killed = null, SourceKey = null, Kind = null });
        Assert.Equal(incident.Killed, source.Killed);
        var revision = Assert.Single(store.GetRevisions(incidentId));
        Assert.Equal(("amina", $"accepted from extraction candidate {id}"), (revision.Author, revision.Reason));
        Assert.Equal(4, cli.Run("review", "accept", S(id)).ExitCode);
    }

    [Fact]
    public void Accepting_a_report_edited_to_a_future_date_is_refused_naming_the_date_and_writes_nothing()
    {
        using var cli = new Cli();
        Assert.Equal(0, cli.Run("ingest-news", News(cli)).ExitCode);
        var id = ReportId(cli, "n1");

        var refused = cli.Run("review", "accept", S(id), "--set", "date=2090-03-06");

        Assert.Equal(5, refused.ExitCode);
        Assert.Contains("date: 2090-03-06 is in the future", refused.Error, StringComparison.Ordinal);
        Assert.Equal(id, Candidates(cli).Single(c => c.GetProperty("article_id").GetString() == "n1").GetProperty("id").GetInt64());
        using var store = SqliteIncidentStore.Open(cli.Db);
        Assert.Equal(0, store.Count(IncidentQuery.All));
    }

    [Fact]
    public void Statistics_count_only_accepted_candidates()
    {
        using var cli = new Cli();
        Assert.Equal(0, cli.Run("ingest-news", News(cli)).ExitCode);
        using (var store = SqliteIncidentStore.Open(cli.Db))
            Assert.Equal(0, store.Count(IncidentQuery.All));

        Assert.Equal(0, cli.Run("review", "accept", S(ReportId(cli, "n2"))).ExitCode);
        var series = JsonDocument.Parse(cli.Run("stats", "series", "--by", "year", "--json").Output).RootElement.GetProperty("rows");
        var y2023 = series.EnumerateArray().Single(r => r.GetProperty("period").GetString() == "2023");
        Assert.Equal((1, 5), (y2023.GetProperty("incidents").GetInt64(), y2023.GetProperty("killed_best").GetInt64()));
    }

    [Fact]
    public void Set_edits_fields_before_the_incident_is_created()
    {
        using var cli = new Cli();
        Assert.Equal(0, cli.Run("ingest-news", News(cli)).ExitCode);
        Assert.Equal(0, cli.Run("review", "accept", S(ReportId(cli, "n2")), "--set", "killed=12", "--set", "district=Peshawar").ExitCode);
        using var store = SqliteIncidentStore.Open(cli.Db);
        var incident = store.Query(IncidentQuery.All).Single();
        Assert.Equal((12, "analyst", "Peshawar"), (incident.Killed.Best!.Value, incident.Killed.Rule, incident.Place.Admin2));
        Assert.Equal(2, cli.Run("review", "accept", "1", "--set", "killed").ExitCode);
    }

    [Fact]
    public void Merge_into_adds_the_source_with_its_figure_and_the_incidents_figure_follows_the_rule_over_its_sources()
    {
        using var cli = new Cli();
        Assert.Equal(0, cli.Run("ingest-news", News(cli)).ExitCode);
        Assert.Equal(0, cli.Run("review", "accept", S(ReportId(cli, "n1"))).ExitCode);
        var incidentId = Candidates(cli, "accepted").Single().GetProperty("incident_id").GetInt64();

        var n2 = ReportId(cli, "n2");
        Assert.Equal(0, cli.Run("review", "accept", S(n2), "--merge-into", S(incidentId)).ExitCode);
        using (var store = SqliteIncidentStore.Open(cli.Db))
        {
            var incident = store.Find(incidentId)!;
            // The team's own incident: the lower median of Dawn's "at least 12" and Express's "five" (docs/method.md,
            // "Sources and grades"); low the smaller low, high open as Dawn's is.
            Assert.Equal((5, 5, (int?)null), (incident.Killed.Low, incident.Killed.Best, incident.Killed.High));
            Assert.Equal(["Dawn", "Express"], incident.Sources.Select(s => s.Name));
            Assert.Equal([12, 5], incident.Sources.Select(s => s.Killed!.Best));
            Assert.Equal($"merged extraction candidate {n2} into incident {incidentId}: chosen by the analyst", store.GetRevisions(incidentId)[^1].Reason);
            Assert.Equal(1, store.Count(IncidentQuery.All));
        }
        Assert.Equal(incidentId, Candidates(cli, "accepted").Single(c => c.GetProperty("id").GetInt64() == n2).GetProperty("incident_id").GetInt64());
    }

    [Fact]
    public void Merge_into_with_use_figures_takes_the_candidates_killed()
    {
        using var cli = new Cli();
        Assert.Equal(0, cli.Run("ingest-news", News(cli)).ExitCode);
        Assert.Equal(0, cli.Run("review", "accept", S(ReportId(cli, "n1"))).ExitCode);
        var incidentId = Candidates(cli, "accepted").Single().GetProperty("incident_id").GetInt64();
        Assert.Equal(0, cli.Run("review", "accept", S(ReportId(cli, "n2")), "--merge-into", S(incidentId), "--use-figures").ExitCode);
        using var store = SqliteIncidentStore.Open(cli.Db);
        Assert.Equal(5, store.Find(incidentId)!.Killed.Best);
    }

    [Fact]
    public void Ingest_news_accept_all_is_the_bulk_switch_that_turns_report_candidates_into_incidents()
    {
        using var cli = new Cli();
        var run = cli.Run("ingest-news", News(cli), "--accept-all");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("2 report candidates accepted as incidents", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Candidates(cli), c => c.GetProperty("kind").GetString() == "report");
        using var store = SqliteIncidentStore.Open(cli.Db);
        Assert.Equal(2, store.Count(IncidentQuery.All));
    }
}

using System.Globalization;
using System.Text.Json;
using Vigil.Domain.Sources;
using Vigil.Storage;
using Vigil.Storage.Relational;
using Vigil.Storage.Sqlite;

namespace Vigil.Cli.Tests;

/// <summary>
/// The news path keeps who said each figure: an accepted report's article becomes a source row carrying the figures
/// read from it and the registry entry of its outlet (an outlet the registry does not know is added, graded F); a
/// party's statement merged in is a party claim, kept apart from the incident's figure and contesting it.
/// </summary>
public sealed class ReviewSourcesTests : IDisposable
{
    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    private static string S(long v) => v.ToString(CultureInfo.InvariantCulture);

    private long Report(string article)
    {
        using var doc = JsonDocument.Parse(_cli.Run("review", "list", "--json").Output);
        return doc.RootElement.EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "report" && c.GetProperty("article_id").GetString() == article)
            .GetProperty("id").GetInt64();
    }

    private long AcceptedIncident(long candidate)
    {
        using var doc = JsonDocument.Parse(_cli.Run("review", "list", "--status", "accepted", "--json").Output);
        return doc.RootElement.EnumerateArray().Single(c => c.GetProperty("id").GetInt64() == candidate).GetProperty("incident_id").GetInt64();
    }

    private void Ingest() => Assert.Equal(0, _cli.Run("ingest-news", _cli.Dir.Write("news.jsonl", """
        {"id": "n1", "published": "2023-03-07", "source": "Dawn", "url": "https://example.org/n1", "title": "Blast in Quetta", "text": "At least 12 people were killed in Quetta on Monday."}
        {"id": "n3", "published": "2023-03-07", "source": "ISPR", "url": "https://example.org/n3", "title": "Press release", "text": "Three people were killed in Quetta on Monday."}
        """)).ExitCode);

    [Fact]
    public void An_accepted_report_keeps_its_outlet_and_figures_and_fills_the_registry()
    {
        Ingest();
        var n1 = Report("n1");
        Assert.Equal(0, _cli.Run("review", "accept", S(n1), "--by", "amina").ExitCode);

        using var db = new RelationalDatabase(SqliteIncidentStore.Open(_cli.Db));
        var incident = db.Incidents.Find(AcceptedIncident(n1))!;
        var source = Assert.Single(incident.Sources);
        Assert.Equal(("dawn", SourceType.IndependentMedia, false), (source.SourceKey, source.Kind, source.PartyClaim));
        Assert.Equal((12, 12, (int?)null), (source.Killed!.Low, source.Killed.Best, source.Killed.High));
        Assert.Equal(12, incident.Killed.Best);
        Assert.Equal(IncidentGrade.Weak, incident.Grade); // one independent source, not yet graded

        var dawn = db.Sources.Find("Dawn")!;
        Assert.Equal((SourceType.IndependentMedia, 'F'), (dawn.Type, dawn.Reliability));
        var created = Assert.Single(db.Sources.History("dawn"));
        Assert.Equal(("amina", $"its report was accepted from extraction candidate {n1}"), (created.Author, created.Reason));
    }

    [Fact]
    public void An_analysts_corrected_figure_is_the_articles_and_a_partys_statement_merged_in_contests_it()
    {
        Ingest();
        var n1 = Report("n1");
        var n3 = Report("n3");
        Assert.Equal(0, _cli.Run("review", "accept", S(n1), "--set", "killed=14", "--by", "amina").ExitCode);
        var incidentId = AcceptedIncident(n1);
        var merged = _cli.Run("review", "accept", S(n3), "--merge-into", S(incidentId), "--by", "amina");
        Assert.True(merged.ExitCode == 0, merged.Error);

        using var db = new RelationalDatabase(SqliteIncidentStore.Open(_cli.Db));
        var incident = db.Incidents.Find(incidentId)!;
        Assert.Equal(2, incident.Sources.Length);
        Assert.Equal((14, "analyst"), (incident.Sources[0].Killed!.Best, incident.Sources[0].Killed!.Rule));
        var ispr = incident.Sources[1];
        Assert.Equal(("ispr", true, 3), (ispr.SourceKey, ispr.PartyClaim, ispr.Killed!.Best));
        // The party's 3 never sets the figure; 14 against 3 is a dispute (14 ≥ 2 × 3, 11 apart).
        Assert.Equal(14, incident.Killed.Best);
        Assert.True(incident.Contested);
        Assert.Equal(IncidentGrade.Contested, incident.Grade);
        var all = db.Incidents.Aggregate(new IncidentQuery { Sources = SourceScope.All, Datasets = [Domain.Datasets.DatasetNames.Own] }, GroupBy.None);
        Assert.Equal(14, Assert.Single(all).KilledBest);
        var party = db.Incidents.AggregateMonthly(new IncidentQuery { Sources = SourceScope.Party, Datasets = [Domain.Datasets.DatasetNames.Own] }, GroupBy.None);
        Assert.Equal((3L, 3L, 3L), (Assert.Single(party).KilledLow, party[0].KilledBest, party[0].KilledHigh));
        // No entry was made for ISPR: the seeded party entry is its.
        Assert.Single(db.Sources.History("ispr"));
    }

    [Fact]
    public void A_figure_an_article_relays_from_ispr_is_a_claim_linked_to_the_registry_beside_the_polices()
    {
        Assert.Equal(0, _cli.Run("ingest-news", _cli.Dir.Write("relayed.jsonl", """
            {"id": "n5", "published": "2024-03-12", "source": "Dawn", "url": "https://example.org/n5", "title": "Attack in Bannu", "text": "Police said 4 soldiers were killed in the attack in Bannu on Monday, while the ISPR said 11 soldiers had been martyred."}
            """)).ExitCode);
        var n5 = Report("n5");
        Assert.Equal(0, _cli.Run("review", "accept", S(n5), "--by", "amina").ExitCode);

        using var db = new RelationalDatabase(SqliteIncidentStore.Open(_cli.Db));
        var incident = db.Incidents.Find(AcceptedIncident(n5))!;
        Assert.Equal(2, incident.Sources.Length);
        var article = incident.Sources[0];
        Assert.Equal(("dawn", false, 4), (article.SourceKey, article.PartyClaim, article.Killed!.Best));
        var ispr = incident.Sources[1];
        Assert.Equal(("ispr", true, 11), (ispr.SourceKey, ispr.PartyClaim, ispr.Killed!.Best));
        Assert.Equal((new DateOnly(2024, 3, 12), "https://example.org/n5"), (ispr.Published, ispr.Url));
        // The police figure the article gives is the incident's; 11 against 4 is a dispute (11 ≥ 2 × 4, 7 apart).
        Assert.Equal(4, incident.Killed.Best);
        Assert.True(incident.Contested);
    }
}

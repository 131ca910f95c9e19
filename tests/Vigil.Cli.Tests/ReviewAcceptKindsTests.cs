using System.Globalization;
using System.Text.Json;
using Vigil.Domain.Accountability;
using Vigil.Domain.Border;
using Vigil.Storage.Relational;
using Vigil.Storage.Sqlite;
using Vigil.TestSupport;

namespace Vigil.Cli.Tests;

/// <summary>
/// Accepting the candidates that are not reports, read from the founding editorial (../shared/seed): an
/// engagement, a commitment (which takes the article's engagement), a border event and a claim; refused accepts
/// write nothing.
/// </summary>
public class ReviewAcceptKindsTests
{
    private static readonly DateOnly Published = new(2023, 2, 24);

    private static string S(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static List<JsonElement> Candidates(Cli cli, string status)
    {
        using var doc = JsonDocument.Parse(cli.Run("review", "list", "--status", status, "--json").Output);
        return [.. doc.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    private static JsonElement Candidate(Cli cli, long id) => Candidates(cli, "all").Single(c => c.GetProperty("id").GetInt64() == id);

    /// <summary>Queues the editorial's candidates (one engagement, one commitment, one border event, five claims, one report).</summary>
    private static void IngestEditorial(Cli cli) =>
        Assert.Equal(0, cli.Run("ingest-news", SharedData.Seed("editorial-2023-02-24.txt")).ExitCode);

    /// <summary>The id of the first pending candidate of a kind.</summary>

    private static long IdOf(Cli cli, string kind) =>
        Candidates(cli, "pending").First(c => c.GetProperty("kind").GetString() == kind).GetProperty("id").GetInt64();

    private static T WithAccountability<T>(Cli cli, Func<RelationalAccountabilityStore, T> read)
    {
        using var store = SqliteIncidentStore.Open(cli.Db);
        return read(new RelationalAccountabilityStore(store));
    }

    [Fact]
    public void An_engagement_is_saved_from_the_article_and_a_commitment_of_the_same_article_takes_its_key()
    {
        using var cli = new Cli();
        IngestEditorial(cli);
        var engagementId = IdOf(cli, "engagement");

        var accept = cli.Run("review", "accept", S(engagementId), "--by", "amina");
        Assert.Equal(0, accept.ExitCode);
        Assert.Contains($"candidate {engagementId} accepted as engagement news-{engagementId}", accept.Output, StringComparison.Ordinal);
        var engagement = Assert.Single(WithAccountability(cli, a => a.GetEngagements()));
        Assert.Equal((new DateOnly(2023, 2, 20), (DateOnly?)Published, "Kabul", EngagementFormat.Visit), (engagement.Start, engagement.End, engagement.Place, engagement.Format));
        Assert.Equal(["Pakistan", "Afghan officials"], engagement.Parties);
        Assert.Equal(["a Pakistani delegation"], engagement.Delegation);
        Assert.Contains("counter-terrorism measures", engagement.Topics);
        Assert.Equal(new Citation("editorial-2023-02-24.txt", Published), Assert.Single(engagement.Sources));
        var accepted = Candidate(cli, engagementId);
        Assert.Equal(("accepted", $"engagement:news-{engagementId}", "amina"),
            (accepted.GetProperty("status").GetString(), accepted.GetProperty("accepted_as").GetString(), accepted.GetProperty("decided_by").GetString()));

        var commitmentId = IdOf(cli, "commitment");
        var commit = cli.Run("review", "accept", S(commitmentId), "--set", "indicator_perpetrator=TTP");
        Assert.Equal(0, commit.ExitCode);
        Assert.Contains($"candidate {commitmentId} accepted as commitment news-{commitmentId}", commit.Output, StringComparison.Ordinal);
        var commitment = Assert.Single(WithAccountability(cli, a => a.GetCommitments()));
        Assert.Equal(($"news-{engagementId}", Published, "Afghan Taliban", "a Pakistani delegation"),
            (commitment.EngagementKey, commitment.MadeOn, commitment.MadeBy, commitment.MadeTo));
        Assert.Contains("assurances", commitment.Words, StringComparison.Ordinal);
        Assert.Equal(("attacks by TTP in Pakistan per month", IndicatorMetric.Attacks, ProgressDirection.Decrease),
            (commitment.Indicator.Name, commitment.Indicator.Metric, commitment.Indicator.Direction));
        Assert.Equal(["TTP"], commitment.Indicator.Filter.Perpetrators);
        Assert.Equal(["Pakistan"], commitment.Indicator.Filter.Countries);
        Assert.Equal($"commitment:news-{commitmentId}", Candidate(cli, commitmentId).GetProperty("accepted_as").GetString());
        Assert.Contains($"engagement news-{engagementId}", cli.Run("review", "list", "--status", "accepted").Output, StringComparison.Ordinal);
        Assert.Contains($"news-{engagementId}", cli.Run("engagements", "list").Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_commitment_without_an_engagement_is_refused_and_nothing_is_written()
    {
        using var cli = new Cli();
        IngestEditorial(cli);
        var commitmentId = IdOf(cli, "commitment");
        var before = StoreFingerprint.Of(cli.Db);

        var refused = cli.Run("review", "accept", S(commitmentId));
        Assert.Equal(5, refused.ExitCode);
        Assert.Contains("accept the article's engagement first or set engagement=KEY", refused.Error, StringComparison.Ordinal);
        var unknown = cli.Run("review", "accept", S(commitmentId), "--set", "engagement=no-such-talks");
        Assert.Equal(5, unknown.ExitCode);
        Assert.Contains("no engagement 'no-such-talks'", unknown.Error, StringComparison.Ordinal);

        Assert.Equal(before, StoreFingerprint.Of(cli.Db));
        Assert.Equal("pending", Candidate(cli, commitmentId).GetProperty("status").GetString());
        Assert.Empty(WithAccountability(cli, a => a.GetCommitments()));
    }

    [Fact]
    public void A_commitment_given_an_engagement_gets_the_default_indicator_of_attacks_in_Pakistan()
    {
        using var cli = new Cli();
        IngestEditorial(cli);
        Assert.Equal(0, cli.Run("review", "accept", S(IdOf(cli, "engagement")), "--set", "key=kabul-talks").ExitCode);
        var commitmentId = IdOf(cli, "commitment");

        Assert.Equal(0, cli.Run("review", "accept", S(commitmentId), "--set", "engagement=kabul-talks", "--set", "key=assurances").ExitCode);
        var commitment = Assert.Single(WithAccountability(cli, a => a.GetCommitments()));
        Assert.Equal(("assurances", "kabul-talks", "attacks in Pakistan per month"), (commitment.Key, commitment.EngagementKey, commitment.Indicator.Name));
        Assert.Empty(commitment.Indicator.Filter.Perpetrators);
    }

    [Fact]
    public void A_border_event_becomes_a_status_event_of_the_matched_crossing_and_an_unknown_crossing_is_refused()
    {
        using var cli = new Cli();
        IngestEditorial(cli);
        var id = IdOf(cli, "border-event");
        var before = StoreFingerprint.Of(cli.Db);

        var refused = cli.Run("review", "accept", S(id));
        Assert.Equal(5, refused.ExitCode);
        Assert.Contains("matches no stored crossing; set crossing=KEY", refused.Error, StringComparison.Ordinal);
        Assert.Equal(before, StoreFingerprint.Of(cli.Db));
        Assert.Equal("pending", Candidate(cli, id).GetProperty("status").GetString());

        WithAccountability(cli, a => a.Save(new AccountabilitySet
        {
            Crossings = [new Crossing { Key = "torkham", Name = "Torkham", PakistanName = "Torkham", Latitude = 34.19, Longitude = 71.07 }],
        }));
        var accept = cli.Run("review", "accept", S(id));
        Assert.Equal(0, accept.ExitCode);
        var statusEvent = Assert.Single(WithAccountability(cli, a => a.GetStatusEvents()));
        Assert.Contains($"candidate {id} accepted as status-event {statusEvent.Sequence}", accept.Output, StringComparison.Ordinal);
        // "the recent closure": the date is the 30 days before publication, and the event starts on the first of them.
        Assert.Equal(("torkham", CrossingStatus.Closed, new DateOnly(2023, 1, 25)), (statusEvent.CrossingKey, statusEvent.Status, statusEvent.From));
        Assert.Contains("closure", statusEvent.Reason, StringComparison.Ordinal);
        Assert.Equal(new Citation("editorial-2023-02-24.txt", Published), statusEvent.Source);
        Assert.Equal($"status-event:{statusEvent.Sequence}", Candidate(cli, id).GetProperty("accepted_as").GetString());
        Assert.Contains("2023-01-25", cli.Run("crossings", "events", "torkham").Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_border_event_takes_the_crossing_and_date_the_analyst_sets()
    {
        using var cli = new Cli();
        IngestEditorial(cli);
        WithAccountability(cli, a => a.Save(new AccountabilitySet
        {
            Crossings = [new Crossing { Key = "chaman", Name = "Chaman / Spin Boldak", PakistanName = "Chaman", Latitude = 30.92, Longitude = 66.44 }],
        }));
        var id = IdOf(cli, "border-event");
        var badDate = cli.Run("review", "accept", S(id), "--set", "date=24-02-2023", "--set", "crossing=chaman");
        Assert.Equal(5, badDate.ExitCode);
        Assert.Contains("date: '24-02-2023' is not a date in the form YYYY-MM-DD", badDate.Error, StringComparison.Ordinal);

        Assert.Equal(0, cli.Run("review", "accept", S(id), "--set", "crossing=chaman", "--set", "date=2023-02-24").ExitCode);
        var statusEvent = Assert.Single(WithAccountability(cli, a => a.GetStatusEvents()));
        Assert.Equal(("chaman", Published), (statusEvent.CrossingKey, statusEvent.From));
    }

    [Fact]
    public void An_accepted_claim_is_checked_by_check_accepted_with_its_article_and_the_verdict_follows_the_data()
    {
        using var cli = new Cli();
        IngestEditorial(cli);
        var id = Candidates(cli, "pending").Single(c => c.GetProperty("kind").GetString() == "claim" && c.GetProperty("summary").GetString()!.StartsWith("injured", StringComparison.Ordinal))
            .GetProperty("id").GetInt64();

        var accept = cli.Run("review", "accept", S(id));
        Assert.Equal(0, accept.ExitCode);
        Assert.Contains($"candidate {id} accepted as claim 1", accept.Output, StringComparison.Ordinal);
        Assert.Equal("claim:1", Candidate(cli, id).GetProperty("accepted_as").GetString());
        var empty = cli.Run("check", "--accepted");
        Assert.Equal(0, empty.ExitCode);
        Assert.Contains($"accepted claim 1 (candidate {id}) from editorial-2023-02-24.txt, 2023-02-24", empty.Output, StringComparison.Ordinal);
        Assert.Contains("254 received injuries", empty.Output, StringComparison.Ordinal);
        Assert.Contains("NOT-CHECKABLE", empty.Output, StringComparison.Ordinal);

        // Incidents from 31 December 2022 to 1 February 2023 cover January; 254 injured in it supports the claim.
        var news = cli.Dir.Write("january.jsonl", """
            {"id": "q0", "published": "2023-01-01", "source": "Dawn", "url": "https://example.org/q0", "title": "Bannu", "text": "Two people were killed in an attack in Bannu on Saturday."}
            {"id": "q1", "published": "2023-01-11", "source": "Dawn", "url": "https://example.org/q1", "title": "Quetta", "text": "At least 254 people were injured in a blast in Quetta on Monday."}
            {"id": "q2", "published": "2023-02-02", "source": "Dawn", "url": "https://example.org/q2", "title": "Bannu", "text": "Two people were killed in an attack in Bannu on Wednesday."}
            """);
        Assert.Equal(0, cli.Run("ingest-news", news, "--accept-all").ExitCode);
        // The team's own records are not comprehensive: a month only they reach is partial, and a partial month is
        // not checkable, however many incidents it holds.
        var partial = JsonDocument.Parse(cli.Run("check", "--accepted", "--json").Output).RootElement.EnumerateArray().Single();
        Assert.Equal("not-checkable", partial.GetProperty("verdict").GetString());
        Assert.Contains("leave every period partial", partial.GetProperty("check").GetProperty("parts")[0].GetProperty("explanation").GetString(), StringComparison.Ordinal);

        // Once an analyst declares that the own records cover December 2022 to February 2023 in full, the claim is checked.
        using (var store = SqliteIncidentStore.Open(cli.Db))
        {
            var datasets = new RelationalDatasetStore(store);
            var own = datasets.Find("own")!;
            datasets.Save(own with { Coverage = own.Coverage with { From = new DateOnly(2022, 12, 1), To = new DateOnly(2023, 2, 28), Comprehensive = true } });
        }
        var json = JsonDocument.Parse(cli.Run("check", "--accepted", "--json").Output).RootElement.EnumerateArray().Single();
        Assert.Equal(("supported", id, "editorial-2023-02-24.txt"),
            (json.GetProperty("verdict").GetString(), json.GetProperty("candidate_id").GetInt64(), json.GetProperty("article_id").GetString()));
        Assert.Contains("SUPPORTED", cli.Run("check", "--accepted").Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_another_kind_has_is_refused_before_anything_is_written()
    {
        using var cli = new Cli();
        IngestEditorial(cli);
        var id = IdOf(cli, "claim");
        var refused = cli.Run("review", "accept", S(id), "--set", "killed=3");
        Assert.Equal(5, refused.ExitCode);
        Assert.Contains("killed: cannot be set; this kind of candidate has no editable fields", refused.Error, StringComparison.Ordinal);
        Assert.Equal("pending", Candidate(cli, id).GetProperty("status").GetString());
    }
}

using Vigil.Accountability.Border;
using Vigil.Accountability.Evaluation;
using Vigil.Accountability.Files;
using Vigil.Accountability.Scorecards;
using Vigil.Domain.Border;
using Vigil.Ingestion;
using Vigil.Ingestion.Normalization;
using Vigil.Statistics;
using Vigil.Storage.Relational;
using Vigil.Storage.Sqlite;
using Vigil.TestSupport;

namespace Vigil.Accountability.Tests;

/// <summary>The worked example shipped in data/accountability, over the bundled UCDP GED Pakistan data.</summary>
public sealed class WorkedExampleTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 1);
    private readonly TempDirectory _dir = new();
    private readonly SqliteIncidentStore _db;
    private readonly RelationalAccountabilityStore _store;

    public WorkedExampleTests()
    {
        _db = SqliteIncidentStore.Open(_dir.File("vigil.db"), new TestClock());
        new Importer(_db, IncidentNormalizer.Bundled()).Import(RepoFiles.BundledUcdp, new ImportOptions());
        _store = new RelationalAccountabilityStore(_db);
        AccountabilityImporter.Import(_store, RepoFiles.Path_("data", "accountability", "worked-example.yaml"));
    }

    private CommitmentEvaluator Evaluator => new(_db, Scopes.Bundled, _store.GetStatusEvents(), Today);

    [Fact]
    public void The_sourced_2023_commitment_is_too_early_for_data_that_end_in_2021()
    {
        var result = Evaluator.Evaluate(_store.GetCommitments().Single(c => c.Key == "afg-assurances-ttp-2023-02"));

        Assert.Equal(OutcomeVerdict.TooEarly, result.Verdict);
        Assert.Empty(result.Before);   // March 2022 to February 2023: after the data's last day
        Assert.Empty(result.After);
        Assert.Equal(new DateOnly(2021, 12, 31), result.DataEnd);
    }

    [Fact]
    public void The_sample_2014_commitment_is_judged_by_the_time_series_on_the_TTP_attacks_in_the_data()
    {
        var result = Evaluator.Evaluate(_store.GetCommitments().Single(c => c.Key == "sample-ttp-2014"));

        // Counted from data/ucdp/conflict_data_pak.csv, rows whose side_a is exactly "TTP" (not the TTP-KM faction), by month of date_start
        // (June 2013 – May 2014 before; June 2014, the month of the commitment, left out; July 2014 – June 2015 after).
        Assert.Equal([4, 6, 0, 3, 2, 0, 2, 2, 4, 0, 0, 1], result.Before.Select(v => v.Value));
        Assert.Equal([0, 0, 1, 1, 1, 1, 2, 2, 3, 0, 1, 0], result.After.Select(v => v.Value));
        Assert.Equal(EvaluationMethod.InterruptedTimeSeries, result.Method);
        Assert.Equal(24.0 / 12, result.Rates!.RateBefore, 10);
        Assert.Equal(12.0 / 12, result.Rates.RateAfter, 10);
    }

    [Fact]
    public void The_Torkham_closure_is_one_episode_of_five_days_and_the_other_crossings_have_no_events()
    {
        var report = CrossingReport.Build(_store.GetCrossings().Single(c => c.Key == "torkham"), _store.GetStatusEvents(), Today);

        var episode = Assert.Single(report.Episodes);
        Assert.Equal((new DateOnly(2023, 2, 24), (DateOnly?)new DateOnly(2023, 2, 28), 5), (episode.Start, episode.End, episode.Days));
        Assert.Equal(CrossingStatus.Open, report.Current!.Status);
        Assert.Equal(5, _store.GetCrossings().Count);
        Assert.Null(CrossingReport.Build(_store.GetCrossings().Single(c => c.Key == "chaman"), _store.GetStatusEvents(), Today).Current);
    }

    [Fact]
    public void The_scorecard_puts_each_party_s_judged_score_beside_its_measured_verdict()
    {
        var cards = PartyScorecard.Build(_store.GetCommitments(), Evaluator.Evaluate);

        Assert.Equal(["Afghan interim government", "Sample party A"], cards.Select(c => c.Party));
        Assert.Null(cards[0].PercentImplemented);   // never scored
        Assert.Equal(1, cards[0].Unscored);
        Assert.Equal(100.0 / 3, cards[1].PercentImplemented!.Value, 10);   // one score of 1 out of 3
    }

    public void Dispose()
    {
        _db.Dispose();
        _dir.Dispose();
    }
}

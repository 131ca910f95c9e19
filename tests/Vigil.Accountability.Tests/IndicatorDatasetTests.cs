using Vigil.Accountability.Evaluation;
using Vigil.Accountability.Tests.Support;
using Vigil.Domain.Accountability;
using Vigil.Domain.Incidents;
using Vigil.Statistics;
using Vigil.Storage;
using Vigil.Storage.Relational;

namespace Vigil.Accountability.Tests;

/// <summary>
/// An indicator counts in its datasets — the primary one unless it names others — and only the periods those cover,
/// never the datasets added together nor months another dataset alone reaches.
/// </summary>
public sealed class IndicatorDatasetTests
{
    private static readonly DateOnly Today = new(2026, 11, 1);

    /// <summary>The "test" dataset's 10 a month (Jan 2020 – Jan 2021) plus a second dataset, "news", of 4 a month from Jan 2020 to Mar 2021.</summary>
    private static MonthlyIncidents Data()
    {
        var data = new MonthlyIncidents(Months.From("2020-01", 10, 10, 10, 10, 10, 10, 5, 10, 10, 10, 10, 10, 10));
        using var session = data.Store.BeginImport(new ImportRequest("news", "news.csv", "test", "test"));
        var n = 0;
        foreach (var month in Enumerable.Range(0, 15).Select(i => new DateOnly(2020, 1, 1).AddMonths(i)))
        {
            foreach (var day in new[] { 1, 8, 15, month.AddMonths(1).AddDays(-1).Day })
            {
                session.Upsert(new Incident
                {
                    SourceRecord = new SourceRecordKey("news", (++n).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    Date = IncidentDate.OnDay(new DateOnly(month.Year, month.Month, day)),
                    Place = new Place { Country = "Pakistan", Admin1 = "Khyber Pakhtunkhwa" },
                    EventType = EventType.Bombing,
                    Perpetrator = new ActorRef("TTP", "TTP"),
                    Killed = CasualtyCount.Exactly(1),
                });
            }
        }
        session.Commit(0, "news");
        return data;
    }

    private static CommitmentEvaluation Evaluate(MonthlyIncidents data, Commitment commitment) =>
        new CommitmentEvaluator(data.Store, Scopes.Bundled, [], Today, new RelationalDatasetStore(data.Store).List()).Evaluate(commitment);

    [Fact]
    public void An_indicator_naming_no_dataset_counts_in_the_primary_one_alone()
    {
        using var data = Data();

        var result = Evaluate(data, Samples.Commitment("2020-07-15"));

        // "test" starts on 22 January 2020 (its January incidents fall on the 22nd to the 31st): January is only
        // partly covered and takes no part; the other months count its 10 and none of the 4 "news" has.
        Assert.Equal(["2020-02", "2020-03", "2020-04", "2020-05", "2020-06"], result.Before.Select(v => v.Period.Label));
        Assert.All(result.Before.Concat(result.After), v => Assert.Equal(10, v.Value));
        Assert.Equal(6, result.After.Count);
        Assert.Equal(["test"], result.Datasets);
    }

    [Fact]
    public void An_indicator_naming_a_dataset_counts_there_and_within_its_coverage()
    {
        using var data = Data();
        var commitment = Samples.Commitment("2020-10-15");
        commitment = commitment with { Indicator = commitment.Indicator with { Filter = commitment.Indicator.Filter with { Datasets = ["news"] } } };

        var result = Evaluate(data, commitment);

        // "news" covers January 2020 to March 2021: five months after October 2020, each with its 4.
        Assert.Equal(["2020-11", "2020-12", "2021-01", "2021-02", "2021-03"], result.After.Select(v => v.Period.Label));
        Assert.All(result.Before.Concat(result.After), v => Assert.Equal(4, v.Value));
        Assert.Equal(["news"], result.Datasets);
    }
}

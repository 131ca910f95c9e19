using Vigil.Domain.Accountability;
using Vigil.Domain.Border;
using Vigil.Domain.Time;

namespace Vigil.TestSupport.Contracts;

/// <summary>A small set with every field filled, in the order the store lists items.</summary>
public static class AccountabilitySamples
{
    public static AccountabilitySet Full() => new()
    {
        Engagements =
        [
            new Engagement
            {
                Key = "e1", Start = new DateOnly(2023, 2, 20), End = new DateOnly(2023, 2, 24), Place = "Kabul",
                Parties = ["Pakistan", "Afghan interim government"], Delegation = ["Defence minister"], Format = EngagementFormat.Visit,
                Topics = ["counter-terrorism", "trade: \"transit\""], Outcome = "assurances: given", Sources = [new Citation("Editorial", new DateOnly(2023, 2, 24), "https://example.org/e")],
            },
        ],
        Commitments =
        [
            new Commitment
            {
                Key = "c1", EngagementKey = "e1", MadeOn = new DateOnly(2023, 2, 24), MadeBy = "Afghan interim government", MadeTo = "Pakistan",
                Words = "will not allow its soil to be used", Source = new Citation("Editorial"), Category = "act-against-group",
                Deadline = new DateOnly(2023, 12, 31), Sample = true,
                Indicator = new Indicator
                {
                    Name = "TTP attacks in KP", Metric = IndicatorMetric.Killed, Unit = PeriodUnit.Quarter, Direction = ProgressDirection.Decrease,
                    BaselinePeriods = 4, AfterPeriods = 8,
                    Filter = new IndicatorFilter { Countries = ["Pakistan"], Provinces = ["Khyber Pakhtunkhwa"], Perpetrators = ["TTP"], EventTypes = ["bombing"], Datasets = ["ucdp-ged"] },
                },
                Scores =
                [
                    new ImplementationScore { AssessedOn = new DateOnly(2023, 6, 1), Score = 0, Evidence = "nothing done", Analyst = "amina" },
                    new ImplementationScore { AssessedOn = new DateOnly(2023, 12, 1), Score = 2, Evidence = "arrests reported", Source = new Citation("Dawn", new DateOnly(2023, 11, 30)) },
                ],
            },
            new Commitment
            {
                Key = "c2", EngagementKey = "e1", MadeOn = new DateOnly(2023, 3, 1), MadeBy = "Pakistan", Words = "keep Torkham open for trade",
                Indicator = new Indicator { Name = "Days Torkham closed", Metric = IndicatorMetric.DaysClosed, Direction = ProgressDirection.Decrease, Filter = new IndicatorFilter { Crossing = "torkham" } },
            },
        ],
        Crossings =
        [
            new Crossing { Key = "torkham", Name = "Torkham", PakistanName = "Torkham", Region = "Khyber", Latitude = 34.190457, Longitude = 71.069264, CoordinatesSource = "PRODUCT.md" },
            new Crossing { Key = "chaman", Name = "Chaman / Spin Boldak", PakistanName = "Chaman", AfghanistanName = "Spin Boldak", Latitude = 30.922222, Longitude = 66.444722, Type = "road" },
        ],
        StatusEvents =
        [
            new StatusEvent { CrossingKey = "torkham", Status = CrossingStatus.Closed, From = new DateOnly(2023, 2, 19), Reason = "clash", Source = new Citation("Editorial", new DateOnly(2023, 2, 24)) },
            new StatusEvent { CrossingKey = "torkham", Status = CrossingStatus.PartiallyOpen, From = new DateOnly(2023, 2, 25), Reason = "pedestrians only", Sample = true },
        ],
    };
}

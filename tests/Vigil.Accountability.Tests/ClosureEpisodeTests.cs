using Vigil.Accountability.Border;
using Vigil.Domain.Border;

namespace Vigil.Accountability.Tests;

public sealed class ClosureEpisodeTests
{
    private static readonly DateOnly Today = new(2026, 11, 1);

    private static StatusEvent Event(CrossingStatus status, string from, long sequence = 0, string crossing = "torkham") =>
        new() { CrossingKey = crossing, Status = status, From = DateOnly.ParseExact(from, "yyyy-MM-dd"), Sequence = sequence, Reason = status.ToString() };

    private static readonly Crossing Torkham = new() { Key = "torkham", Name = "Torkham", Latitude = 34.190457, Longitude = 71.069264 };

    [Fact]
    public void Unordered_and_overlapping_events_give_one_closure_per_closed_stretch()
    {
        // Given out of order; the second "closed" on 5 March falls inside the closure that began on 1 March.
        var events = new[]
        {
            Event(CrossingStatus.Open, "2023-03-10"),
            Event(CrossingStatus.Closed, "2023-03-05"),
            Event(CrossingStatus.Open, "2023-01-01"),
            Event(CrossingStatus.Closed, "2023-03-01"),
            Event(CrossingStatus.Closed, "2023-06-20"),
            Event(CrossingStatus.PartiallyOpen, "2023-06-25"),
            Event(CrossingStatus.Open, "2023-07-01"),
        };
        var episodes = ClosureEpisodes.Derive(events, Today);

        Assert.Equal(2, episodes.Count);
        Assert.Equal((new DateOnly(2023, 3, 1), (DateOnly?)new DateOnly(2023, 3, 9), 9), (episodes[0].Start, episodes[0].End, episodes[0].Days));
        // Partially open (pedestrians only) ends the closure: 20–24 June.
        Assert.Equal((new DateOnly(2023, 6, 20), (DateOnly?)new DateOnly(2023, 6, 24), 5), (episodes[1].Start, episodes[1].End, episodes[1].Days));
        Assert.Equal(CrossingStatus.Open, ClosureEpisodes.Current(events, Today)!.Status);
    }

    [Fact]
    public void On_the_same_day_the_later_recorded_event_stands()
    {
        var events = new[]
        {
            Event(CrossingStatus.Closed, "2023-02-19", sequence: 1),
            Event(CrossingStatus.Open, "2023-02-25", sequence: 3),
            Event(CrossingStatus.Closed, "2023-02-25", sequence: 2),
        };
        var episode = Assert.Single(ClosureEpisodes.Derive(events, Today));

        Assert.Equal(new DateOnly(2023, 2, 24), episode.End);
        Assert.Equal(6, episode.Days);
    }

    [Fact]
    public void A_closure_not_yet_reopened_is_ongoing_and_counted_to_the_injected_today()
    {
        var events = new[] { Event(CrossingStatus.Open, "2026-01-01"), Event(CrossingStatus.Closed, "2026-10-12") };
        var report = CrossingReport.Build(Torkham, events, Today);

        var episode = Assert.Single(report.Episodes);
        Assert.True(episode.Ongoing);
        Assert.Null(episode.End);
        Assert.Equal(21, episode.Days);   // 12–31 October (20) and 1 November
        Assert.Equal(CrossingStatus.Closed, report.Current!.Status);
        Assert.Equal(20, report.DaysClosedByMonth.Single(m => m.Month.Label == "2026-10").DaysClosed);
        Assert.Equal(1, report.DaysClosedByMonth.Single(m => m.Month.Label == "2026-11").DaysClosed);

        var later = CrossingReport.Build(Torkham, events, Today.AddDays(10));
        Assert.Equal(31, later.Episodes.Single().Days);
    }

    [Fact]
    public void An_event_dated_after_today_is_not_yet_in_force()
    {
        var events = new[] { Event(CrossingStatus.Closed, "2026-10-30"), Event(CrossingStatus.Open, "2026-12-01") };
        var episode = Assert.Single(ClosureEpisodes.Derive(events, Today));
        Assert.True(episode.Ongoing);
        Assert.Equal(3, episode.Days);
    }

    [Fact]
    public void A_crossing_never_closed_has_no_closures_and_zero_days_closed()
    {
        var report = CrossingReport.Build(Torkham, [Event(CrossingStatus.Open, "2026-09-15")], Today);

        Assert.Empty(report.Episodes);
        Assert.Null(report.Longest);
        Assert.Empty(report.ClosuresPerYear);
        Assert.Equal(["2026-09", "2026-10", "2026-11"], report.DaysClosedByMonth.Select(m => m.Month.Label));
        Assert.All(report.DaysClosedByMonth, m => Assert.Equal(0, m.DaysClosed));
        Assert.Equal(CrossingStatus.Open, report.Current!.Status);
    }

    [Fact]
    public void A_crossing_with_no_events_has_an_unknown_status_not_open()
    {
        var report = CrossingReport.Build(Torkham, [Event(CrossingStatus.Closed, "2026-01-01", crossing: "chaman")], Today);
        Assert.Null(report.Current);
        Assert.Empty(report.Events);
        Assert.Empty(report.DaysClosedByMonth);
    }

    [Fact]
    public void Longest_closure_days_per_month_and_closures_per_year()
    {
        var events = new[]
        {
            Event(CrossingStatus.Closed, "2024-12-30"), Event(CrossingStatus.Open, "2025-01-04"),   // 30 Dec – 3 Jan: 5 days
            Event(CrossingStatus.Closed, "2025-02-10"), Event(CrossingStatus.Open, "2025-02-20"),   // 10 days
            Event(CrossingStatus.Closed, "2025-05-01"), Event(CrossingStatus.Open, "2025-05-03"),   // 2 days
        };
        var report = CrossingReport.Build(Torkham, events, Today);

        Assert.Equal(new DateOnly(2025, 2, 10), report.Longest!.Start);
        Assert.Equal(10, report.Longest.Days);
        Assert.Equal([(2024, 1), (2025, 2)], report.ClosuresPerYear);
        Assert.Equal(2, report.DaysClosedByMonth.Single(m => m.Month.Label == "2024-12").DaysClosed);
        Assert.Equal(3, report.DaysClosedByMonth.Single(m => m.Month.Label == "2025-01").DaysClosed);
        Assert.Equal(10, report.DaysClosedByMonth.Single(m => m.Month.Label == "2025-02").DaysClosed);
    }

    [Fact]
    public void Great_circle_distance_from_Torkham_to_Chaman_matches_the_haversine_by_hand()
    {
        // 565.49 km by the haversine formula computed separately (Python, same radius).
        var d = GreatCircle.DistanceKm(34.190457, 71.069264, 30.922222, 66.444722);
        Assert.Equal(565.491, d, 3);
        Assert.Equal(0, GreatCircle.DistanceKm(34.19, 71.07, 34.19, 71.07), 9);
        // One degree of latitude is 2πR/360.
        Assert.Equal(2 * Math.PI * GreatCircle.EarthRadiusKm / 360, GreatCircle.DistanceKm(30, 70, 31, 70), 6);
    }
}

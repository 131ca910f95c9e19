using Vigil.Domain.Time;
using Vigil.Storage;

namespace Vigil.Statistics.Tests;

/// <summary>Vigil's series against figures the test computes itself from the UCDP CSV.</summary>
public sealed class SeriesAgainstCsvTests(UcdpFixture ucdp) : IClassFixture<UcdpFixture>
{
    [Fact]
    public void Every_months_incidents_and_killed_low_best_high_equal_the_csvs()
    {
        var series = SeriesBuilder.Build(ucdp.Store, new SeriesRequest(IncidentQuery.All, PeriodUnit.Month));
        var expected = ucdp.Rows.GroupBy(r => Period.Containing(r.Start, PeriodUnit.Month))
            .ToDictionary(g => g.Key, g => (Count: (long)g.Count(), Low: g.Sum(r => r.Low), Best: g.Sum(r => r.Best), High: g.Sum(r => r.High)));

        var periods = series.Periods().ToList();
        Assert.Equal(Period.Parse("1989-01"), periods[0]);
        Assert.Equal(Period.Parse("2021-12"), periods[^1]);
        foreach (var p in periods)
        {
            var f = series.At(p);
            var e = expected.TryGetValue(p, out var x) ? x : default;
            Assert.True((e.Count, e.Low, e.Best, e.High) == (f.Incidents, f.KilledLow, f.KilledBest, f.KilledHigh),
                $"{p}: expected {e}, got ({f.Incidents}, {f.KilledLow}, {f.KilledBest}, {f.KilledHigh})");
        }
    }

    [Theory]
    [InlineData("Sindh")]
    [InlineData("Balochistan")]
    [InlineData("Punjab")]
    [InlineData("Khyber Pakhtunkhwa")]
    public void A_provinces_months_equal_the_csvs_where_the_source_names_every_province(string province)
    {
        var series = SeriesBuilder.Build(ucdp.Store, new SeriesRequest(IncidentQuery.All, PeriodUnit.Month, GroupBy.Province));
        // Rows without adm_1 get their province from the district or the coordinates; the test leaves those months out.
        var unnamed = ucdp.Rows.Where(r => r.Province is null).Select(r => Period.Containing(r.Start, PeriodUnit.Month)).ToHashSet();
        var checkedMonths = 0;
        foreach (var p in series.Periods().Where(p => !unnamed.Contains(p)))
        {
            var rows = ucdp.Rows.Where(r => r.Province == province && p.Contains(r.Start)).ToList();
            var f = series.At(p, province);
            Assert.True((rows.Count, rows.Sum(r => r.Best)) == (f.Incidents, f.KilledBest), $"{province} {p}: expected ({rows.Count}, {rows.Sum(r => r.Best)}), got ({f.Incidents}, {f.KilledBest})");
            checkedMonths++;
        }
        Assert.True(checkedMonths > 300, $"only {checkedMonths} months checked");
    }

    [Fact]
    public void A_month_after_a_month_without_incidents_has_a_count_change_and_no_percentage()
    {
        var series = SeriesBuilder.Build(ucdp.Store, new SeriesRequest(IncidentQuery.All with { Provinces = ["Sindh"] }, PeriodUnit.Month));
        var sindh = ucdp.Rows.Where(r => r.Province == "Sindh").GroupBy(r => Period.Containing(r.Start, PeriodUnit.Month)).ToDictionary(g => g.Key, g => g.Count());
        var unnamed = ucdp.Rows.Where(r => r.Province is null).Select(r => Period.Containing(r.Start, PeriodUnit.Month)).ToHashSet();
        var month = sindh.Keys.Where(m => !sindh.ContainsKey(m.Previous()) && !unnamed.Contains(m) && !unnamed.Contains(m.Previous()))
            .Order().Skip(3).First();

        var change = new Change(series.At(month).Incidents, series.At(month.Previous()).Incidents);

        Assert.Equal(0, change.Baseline);
        Assert.Equal(sindh[month], change.Current);
        Assert.Null(change.Percent);
    }

    [Fact]
    public void Years_and_quarters_add_up_to_their_months()
    {
        var months = SeriesBuilder.Build(ucdp.Store, new SeriesRequest(IncidentQuery.All, PeriodUnit.Month));
        var quarters = SeriesBuilder.Build(ucdp.Store, new SeriesRequest(IncidentQuery.All, PeriodUnit.Quarter));
        var years = SeriesBuilder.Build(ucdp.Store, new SeriesRequest(IncidentQuery.All, PeriodUnit.Year));

        foreach (var q in quarters.Periods())
            Assert.Equal(months.Periods().Where(m => q.Contains(m.Start)).Sum(m => months.At(m).KilledBest), quarters.At(q).KilledBest);
        foreach (var y in years.Periods())
            Assert.Equal(ucdp.Rows.Where(r => r.Start.Year == y.Start.Year).Sum(r => r.Best), years.At(y).KilledBest);
    }

    [Fact]
    public void The_incidents_behind_a_figure_are_the_csvs_rows_of_that_month()
    {
        var month = Period.Parse("2014-06");
        var ids = ucdp.Store.QueryIds(Scopes.InPeriod(IncidentQuery.All, month));

        var sourceIds = ids.Select(id => ucdp.Store.Find(id)!.SourceRecord!.RecordId).Order().ToList();

        Assert.Equal(ucdp.Rows.Where(r => month.Contains(r.Start)).Select(r => r.Id).Order().ToList(), sourceIds);
    }
}

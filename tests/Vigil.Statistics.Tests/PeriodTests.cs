using Vigil.Domain.Time;

namespace Vigil.Statistics.Tests;

public class PeriodTests
{
    [Theory]
    [InlineData("2021-12-05", PeriodUnit.Day, "2021-12-05", "2021-12-05", "2021-12-05")]
    [InlineData("2021-12-05", PeriodUnit.Week, "2021-W48", "2021-11-29", "2021-12-05")]
    [InlineData("2021-01-01", PeriodUnit.Week, "2020-W53", "2020-12-28", "2021-01-03")]
    [InlineData("2021-12-05", PeriodUnit.Month, "2021-12", "2021-12-01", "2021-12-31")]
    [InlineData("2021-11-05", PeriodUnit.Quarter, "2021-Q4", "2021-10-01", "2021-12-31")]
    [InlineData("2021-06-30", PeriodUnit.HalfYear, "2021-H1", "2021-01-01", "2021-06-30")]
    [InlineData("2021-07-01", PeriodUnit.HalfYear, "2021-H2", "2021-07-01", "2021-12-31")]
    [InlineData("2024-02-29", PeriodUnit.Year, "2024", "2024-01-01", "2024-12-31")]
    public void A_day_falls_in_one_period_of_each_unit(string day, PeriodUnit unit, string label, string start, string end)
    {
        var period = Period.Containing(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), unit);

        Assert.Equal(label, period.Label);
        Assert.Equal((start, end), (period.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), period.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(period, Period.Parse(label));
    }

    [Fact]
    public void The_period_before_and_the_same_period_a_year_before()
    {
        var january = Period.Parse("2023-01");

        Assert.Equal("2022-12", january.Previous().Label);
        Assert.Equal("2022-01", january.YearBefore().Label);
        Assert.Equal("2022-Q1", Period.Parse("2023-Q1").YearBefore().Label);
        Assert.Equal("2022-W05", Period.Parse("2023-W05").YearBefore().Label);
        Assert.Equal("January 2023", january.Name);
        Assert.Equal("2022-H2", Period.Parse("2023-H1").Previous().Label);
        Assert.Equal("2022-H1", Period.Parse("2023-H1").YearBefore().Label);
        Assert.Equal("the first half of 2023", Period.Parse("2023-H1").Name);
    }

    [Theory]
    [InlineData("2023-13")]
    [InlineData("2023-Q5")]
    [InlineData("2023-H3")]
    [InlineData("2023-W60")]
    [InlineData("last year")]
    public void A_label_that_is_no_period_is_refused(string text) => Assert.False(Period.TryParse(text, out _));
}

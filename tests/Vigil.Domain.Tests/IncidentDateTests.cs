using Vigil.Domain.Incidents;

namespace Vigil.Domain.Tests;

public class IncidentDateTests
{
    [Fact]
    public void An_end_before_the_start_is_refused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new IncidentDate(new(2020, 5, 2), new(2020, 5, 1), DatePrecision.Day));
        Assert.Contains("before", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_year_such_as_0025_is_refused_as_a_typo()
    {
        Assert.NotNull(IncidentDate.Problem(new DateOnly(25, 1, 1), new DateOnly(25, 1, 1)));
        Assert.Null(IncidentDate.Problem(new DateOnly(1989, 1, 25), new DateOnly(1989, 1, 25)));
    }

    [Fact]
    public void A_month_only_date_spans_the_whole_month()
    {
        var date = IncidentDate.InMonth(2024, 2);

        Assert.Equal(new DateOnly(2024, 2, 1), date.Start);
        Assert.Equal(new DateOnly(2024, 2, 29), date.End);
        Assert.Equal(DatePrecision.Month, date.Precision);
        Assert.True(date.IsMultiDay);
    }
}

using Vigil.Application.Incidents;
using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;
using Vigil.TestSupport;

namespace Vigil.Application.Tests;

public sealed class DateLimitTests
{
    [Fact]
    public void The_limit_is_today_from_the_clock_plus_the_days_allowed()
    {
        var clock = new TestClock(new DateTimeOffset(2025, 3, 30, 23, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2025, 4, 1), DateLimit.From(clock, 2).Latest);
    }

    [Fact]
    public void An_incident_on_the_last_allowed_day_passes_and_one_a_day_later_is_refused_naming_its_field()
    {
        var limit = new DateLimit(new DateOnly(2025, 4, 1));
        var onTheDay = Vigil.TestSupport.Contracts.Incidents.Sample() with { Date = IncidentDate.OnDay(new DateOnly(2025, 4, 1)) };
        Assert.Same(onTheDay, limit.Check(onTheDay));

        var endsLater = onTheDay with { Date = new IncidentDate(new DateOnly(2025, 3, 1), new DateOnly(2025, 4, 2), DatePrecision.Range) };
        var e = Assert.Throws<FieldException>(() => limit.Check(endsLater));
        Assert.Equal("date_end", e.Field);
        Assert.Contains("2025-04-02 is in the future", e.Problem, StringComparison.Ordinal);

        var startsLater = onTheDay with { Date = IncidentDate.OnDay(new DateOnly(2025, 4, 2)) };
        Assert.Equal("date_start", Assert.Throws<FieldException>(() => limit.Check(startsLater)).Field);
        Assert.Equal("date", Assert.Throws<FieldException>(() => limit.Check(startsLater, field: "date")).Field);
    }
}

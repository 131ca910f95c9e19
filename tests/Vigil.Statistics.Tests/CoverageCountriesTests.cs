using Vigil.Domain.Datasets;
using Vigil.Domain.Time;
using Vigil.Storage;

namespace Vigil.Statistics.Tests;

/// <summary>A dataset's declared countries bound its coverage: another country is no data there, never zero.</summary>
public sealed class CoverageCountriesTests
{
    private static readonly Dataset PakistanOnly = new()
    {
        Name = "ged",
        Title = "GED",
        Coverage = new DatasetCoverage { From = new DateOnly(1989, 1, 1), To = new DateOnly(2021, 12, 31), Countries = ["Pakistan"] },
    };

    private static readonly Dataset Both = new()
    {
        Name = "candidate",
        Title = "Candidate",
        Coverage = new DatasetCoverage { From = new DateOnly(2026, 1, 1), To = new DateOnly(2026, 7, 31), Countries = ["Afghanistan", "Pakistan"] },
    };

    private static readonly Dataset Undeclared = new()
    {
        Name = "own",
        Title = "Own",
        Coverage = new DatasetCoverage { From = new DateOnly(1989, 1, 1), To = new DateOnly(2021, 12, 31) },
    };

    private static Period Month(int year, int month) => Period.Containing(new DateOnly(year, month, 1), PeriodUnit.Month);

    [Fact]
    public void A_country_the_dataset_does_not_cover_is_no_data_and_the_note_says_why()
    {
        var coverage = Coverage.For([PakistanOnly, Both], new IncidentQuery { Countries = ["Afghanistan"] });

        Assert.Equal(CoverageState.None, coverage.Of(Month(2014, 6)));
        Assert.Equal(CoverageState.Full, coverage.Of(Month(2026, 7)));
        Assert.Equal(["candidate"], coverage.Datasets.Select(d => d.Name));
        Assert.Equal(["GED covers Pakistan only: no data for Afghanistan"], coverage.Notes);
    }

    [Theory]
    [InlineData("Afghanistan", "Pakistan")]
    [InlineData]
    public void Months_a_dataset_covers_for_some_of_the_countries_only_are_partial(params string[] countries)
    {
        // Naming no country asks for every country the datasets declare: both here.
        var coverage = Coverage.For([PakistanOnly, Both], new IncidentQuery { Countries = countries });

        Assert.Equal(CoverageState.Partial, coverage.Of(Month(2014, 6)));
        Assert.Equal(CoverageState.Full, coverage.Of(Month(2026, 7)));
        Assert.Equal(CoverageState.None, coverage.Of(Month(2024, 6)));
        Assert.Equal((new DateOnly(1989, 1, 1), new DateOnly(2026, 7, 31)), coverage.Bounds());
        Assert.Single(coverage.Notes, n => n.StartsWith("GED covers Pakistan only: the months it alone covers leave out Afghanistan", StringComparison.Ordinal));
    }

    [Fact]
    public void A_dataset_that_declares_no_countries_covers_every_country()
    {
        var coverage = Coverage.For([Undeclared], new IncidentQuery { Countries = ["Afghanistan"] });

        Assert.Equal(CoverageState.Full, coverage.Of(Month(2014, 6)));
        Assert.Empty(coverage.Notes);
    }
}

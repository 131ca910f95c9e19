using Vigil.Domain.Time;
using Vigil.Statistics;
using Vigil.Storage.Backends;
using Vigil.Storage.Relational;
using Vigil.TestSupport;

namespace Vigil.Storage.Postgres.Tests;

/// <summary>The same data gives the same rows, the same statistics and the same checksums on both back-ends.</summary>
public sealed class SameNumbersTests : IClassFixture<LazyBothBackends>
{
    private readonly LazyBothBackends _both;

    public SameNumbersTests(LazyBothBackends both) => _both = both;

    [Fact]
    public void Every_table_holds_the_same_rows_on_both_backends()
    {
        var both = _both.Value;
        var sqlite = TableChecksums.Compute(both.Sqlite);
        var postgres = TableChecksums.Compute(both.Postgres);
        Assert.True(sqlite.Single(t => t.Table == "incidents").Rows > 5_000, "the bundled file was imported");
        Assert.Empty(TableChecksums.Differences(sqlite, postgres));
    }

    [Theory]
    [InlineData(PeriodUnit.Month, GroupBy.Province)]
    [InlineData(PeriodUnit.Month, GroupBy.None)]
    [InlineData(PeriodUnit.Week, GroupBy.District)]
    [InlineData(PeriodUnit.Year, GroupBy.Perpetrator)]
    [InlineData(PeriodUnit.Quarter, GroupBy.EventType)]
    public void Series_are_equal_on_both_backends(PeriodUnit unit, GroupBy breakdown)
    {
        var both = _both.Value;
        var request = new SeriesRequest(IncidentQuery.All, unit, breakdown);
        var fromSqlite = SeriesBuilder.Build(both.Sqlite, request).Points().ToList();
        var fromPostgres = SeriesBuilder.Build(both.Postgres, request).Points().ToList();
        Assert.NotEmpty(fromSqlite);
        Assert.Equal(fromSqlite, fromPostgres);
    }

    [Theory]
    [InlineData("killed")]
    [InlineData("\"north waziristan\"")]
    [InlineData("drone* strike")]
    [InlineData("ttp")]
    [InlineData("dawn")]
    [InlineData("peshawar police")]
    [InlineData("\"security forces\" quetta")]
    [InlineData("bbc")]
    [InlineData("2013")]
    [InlineData("pakistan")]
    public void A_search_finds_the_same_incidents_on_both_backends(string text)
    {
        var both = _both.Value;
        var query = new IncidentQuery { Text = TextSearch.Parse(text).Search, Sort = IncidentSort.Id };
        var fromSqlite = both.Sqlite.QueryIds(query);
        Assert.Equal(fromSqlite, both.Postgres.QueryIds(query));
        static List<DailyAggregate> Sorted(IEnumerable<DailyAggregate> rows) => [.. rows.OrderBy(r => r.Day).ThenBy(r => r.Key, StringComparer.Ordinal)];
        Assert.Equal(Sorted(both.Sqlite.AggregateMonthly(query, GroupBy.Province)), Sorted(both.Postgres.AggregateMonthly(query, GroupBy.Province)));
    }

    [Fact]
    public void Searches_of_the_bundled_data_find_something_on_both_backends()
    {
        var both = _both.Value;
        foreach (var text in new[] { "killed", "\"north waziristan\"", "drone*", "peshawar" })
        {
            var query = new IncidentQuery { Text = TextSearch.Parse(text).Search };
            Assert.True(both.Sqlite.Count(query) > 0, text);
            Assert.Equal(both.Sqlite.Count(query), both.Postgres.Count(query));
        }
    }

    [Fact]
    public void Filtered_queries_return_the_same_incidents_in_the_same_order()
    {
        var both = _both.Value;
        var query = IncidentQuery.All with
        {
            Provinces = ["Khyber Pakhtunkhwa", "Balochistan"],
            From = new DateOnly(2009, 1, 1),
            To = new DateOnly(2014, 12, 31),
            Sort = IncidentSort.Killed,
            Descending = true,
            Limit = 300,
            Offset = 20,
        };
        var a = both.Sqlite.Query(query, includeSources: true).ToList();
        var b = both.Postgres.Query(query, includeSources: true).ToList();
        Assert.Equal(300, a.Count);
        Assert.Equal(a.Select(i => i.Id), b.Select(i => i.Id));
        Assert.Equal(a.SelectMany(i => i.Sources), b.SelectMany(i => i.Sources));
        Assert.Equal(both.Sqlite.Count(query with { Limit = null, Offset = 0 }), both.Postgres.Count(query with { Limit = null, Offset = 0 }));
    }
}

/// <summary>Builds <see cref="BothBackends"/> on first use, so that a missing PostgreSQL skips the test instead of failing the fixture.</summary>
public sealed class LazyBothBackends : IDisposable
{
    private BothBackends? _value;
    private readonly Lock _lock = new();

    public BothBackends Value
    {
        get
        {
            lock (_lock)
            {
                if (!PostgresServer.Available)
                    PostgresServer.CreateDatabase(); // skips, or fails under CI, with the reason
                return _value ??= new BothBackends();
            }
        }
    }

    public void Dispose() => _value?.Dispose();
}

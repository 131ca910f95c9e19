using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Vigil.Dashboard.Tests.Support;
using Vigil.TestSupport.Hostile;

namespace Vigil.Dashboard.Tests.Pages;

/// <summary>The search box, the date pickers, the killed range, the download links and the matrix, as pages (no browser).</summary>
public sealed class SearchAndMatrixPageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_list_searches_as_the_API_does_and_says_so()
    {
        using var app = DashboardApp.WithUcdp();
        var client = app.Client();
        const string filters = "q=%22north+waziristan%22+drone*&from=2010";

        var page = await HtmlPage.LoadAsync(await client.GetAsync("/incidents?" + filters, Ct));

        var total = page.Figure("total");
        Assert.True(total > 0);
        Assert.Equal(await Api.IncidentTotalAsync(client, filters), total);
        Assert.Contains("search “\"north waziristan\" drone*” · from 2010", page.Text);
        Assert.Contains("search \"north waziristan\" drone*: only the incidents whose place names, notes or sources", page.Text);
        Assert.Contains("value=\"&quot;north waziristan&quot; drone*\"", page.Html);
        // The downloads carry the same filters to the export.
        Assert.Contains("href=\"/api/v1/exports?q=%22north%20waziristan%22%20drone%2A&amp;from=2010&amp;format=csv\"", page.Html);
    }

    [Theory]
    [InlineData("from=2014", "from", "2014-01-01")]
    [InlineData("to=2014", "to", "2014-12-31")]
    [InlineData("to=2016-02", "to", "2016-02-29")]
    [InlineData("from=2014-06-15", "from", "2014-06-15")]
    public async Task A_date_picker_shows_the_day_a_month_or_year_stands_for(string query, string field, string day)
    {
        using var app = DashboardApp.WithEmpty();

        var page = await HtmlPage.LoadAsync(await app.Client().GetAsync("/incidents?" + query, Ct));

        Assert.Matches($"<input type=\"date\" name=\"{field}\" value=\"{day}\"", page.Html);
    }

    [Fact]
    public async Task A_date_that_is_no_date_stays_as_typed_beside_its_error()
    {
        using var app = DashboardApp.WithEmpty();

        var response = await app.Client().GetAsync("/incidents?from=last-week", Ct);
        var page = await HtmlPage.LoadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<input type=\"text\" name=\"from\" value=\"last-week\"", page.Html);
    }

    [Fact]
    public async Task The_killed_range_takes_a_maximum_and_refuses_one_below_the_minimum()
    {
        using var app = DashboardApp.WithEmpty();
        TestDatabases.Create(app.Database, TestDatabases.Sample(new DateOnly(2023, 1, 5), killed: 3));
        TestDatabases.Create(app.Database, TestDatabases.Sample(new DateOnly(2023, 1, 6), killed: 30));
        TestDatabases.Create(app.Database, TestDatabases.Sample(new DateOnly(2023, 1, 7)) with { Killed = Domain.Incidents.CasualtyCount.Unknown });
        var client = app.Client();

        var upTo10 = await HtmlPage.LoadAsync(await client.GetAsync("/incidents?max_killed=10", Ct));
        var inverted = await client.GetAsync("/incidents?min_killed=10&max_killed=5", Ct);
        var notANumber = await client.GetAsync("/incidents?max_killed=few", Ct);

        Assert.Equal(1, upTo10.Figure("total")); // 3, not the unknown toll
        Assert.Contains("2023-01-05", upTo10.Text);
        Assert.DoesNotContain("2023-01-07", upTo10.Text);
        Assert.Equal(HttpStatusCode.BadRequest, inverted.StatusCode);
        Assert.Contains("max_killed: 5 is less than min_killed (10)", (await HtmlPage.LoadAsync(inverted)).Text);
        Assert.Contains("max_killed: 'few' is not a whole number", (await HtmlPage.LoadAsync(notANumber)).Text);
    }

    [Fact]
    public async Task Hostile_search_text_never_gives_a_server_error_on_any_page_that_takes_it()
    {
        using var app = DashboardApp.WithUcdp();
        var client = app.Client();
        var values = new List<string>(HostileValues.For(3, count: 6)) { "\"", "NEAR(a b)", "a OR b NOT c", "*", "a:*", "(((", "'); --", "\"a\"*\"b", "a & !b" };
        foreach (var value in values)
        {
            foreach (var path in new[] { "/incidents", "/matrix", "/map" })
            {
                // Percent-encoded UTF-8, a lone surrogate as U+FFFD's bytes (as a browser sends it).
                var escaped = string.Concat(System.Text.Encoding.UTF8.GetBytes(value).Select(b => "%" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
                var response = await client.GetAsync($"{path}?q={escaped}", Ct);
                Assert.True((int)response.StatusCode < 500, $"{path} q={value}: {(int)response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task Matrix_cells_are_the_series_values_and_its_csv_is_the_same_table()
    {
        using var app = DashboardApp.WithUcdp();
        var client = app.Client();
        const string filters = "from=1986&to=1992&province=Khyber+Pakhtunkhwa&province=Punjab";

        var page = await HtmlPage.LoadAsync(await client.GetAsync("/matrix?by=year&breakdown=district&metric=incidents&" + filters, Ct));
        var series = await Api.GetAsync(client, "/api/v1/statistics/series?by=year&breakdown=district&" + filters);
        var csv = await client.GetAsync("/matrix?by=year&breakdown=district&metric=incidents&format=csv&" + filters, Ct);

        var cells = Regex.Matches(page.Html, "<tr data-period=\"(\\d+)\".*?</tr>", RegexOptions.Singleline)
            .SelectMany(row => Regex.Matches(row.Value, "<td class=\"n[^\"]*\" data-key=\"([^\"]*)\">([^<]*)</td>")
                .Select(c => (Period: row.Groups[1].Value, Key: System.Net.WebUtility.HtmlDecode(c.Groups[1].Value), Text: c.Groups[2].Value)))
            .ToList();
        var rows = series.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(rows.Count, cells.Count);
        foreach (var row in rows)
        {
            var key = row.GetProperty("key").GetString() ?? "not known";
            var cell = cells.Single(c => c.Period == row.GetProperty("period").GetString() && c.Key == key);
            var incidents = row.GetProperty("incidents");
            Assert.Equal(incidents.ValueKind == JsonValueKind.Null ? "no data" : incidents.GetInt64().ToString("N0", System.Globalization.CultureInfo.InvariantCulture), cell.Text);
        }
        // Before UCDP GED's first year, "no data" rather than a zero; the scope is stated above the table.
        Assert.All(cells.Where(c => c.Period is "1986" or "1987" or "1988"), c => Assert.Equal("no data", c.Text));
        Assert.Contains("Datasets: UCDP", page.Text);
        Assert.Contains("href=\"/matrix?from=1986&amp;to=1992&amp;province=Khyber%20Pakhtunkhwa&amp;province=Punjab&amp;by=year&amp;breakdown=district&amp;metric=incidents&amp;format=csv\"", page.Html);

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync(Ct)).TrimEnd('\n').Split('\n');
        var keys = lines[0].Split(',').Skip(1).Select(k => k.Trim('"')).ToList();
        Assert.Equal("period", lines[0].Split(',')[0]);
        foreach (var line in lines.Skip(1))
        {
            var parts = line.Split(',');
            for (var i = 1; i < parts.Length; i++)
            {
                var cell = cells.Single(c => c.Period == parts[0] && c.Key == keys[i - 1]);
                Assert.Equal(cell.Text.Replace(",", "", StringComparison.Ordinal), parts[i]);
            }
        }
    }

    [Fact]
    public async Task The_matrix_names_a_bad_choice_and_refuses_a_table_too_large_to_show()
    {
        using var app = DashboardApp.WithUcdp();
        var client = app.Client();

        var badMetric = await client.GetAsync("/matrix?metric=wounded", Ct);
        var tooLarge = await client.GetAsync("/matrix?by=month&breakdown=district", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, badMetric.StatusCode);
        Assert.Contains("metric: 'wounded' is not one of: incidents, killed, injured", (await HtmlPage.LoadAsync(badMetric)).Text);
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        Assert.Contains("narrow from and to", (await HtmlPage.LoadAsync(tooLarge)).Text);
    }

    [Fact]
    public async Task The_overview_offers_the_months_incidents_to_download()
    {
        using var app = DashboardApp.WithUcdp();

        var page = await HtmlPage.LoadAsync(await app.Client().GetAsync("/?month=2014-06&province=Balochistan", Ct));

        Assert.Contains("href=\"/api/v1/exports?from=2014-06-01&amp;to=2014-06-30&amp;country=Pakistan&amp;province=Balochistan&amp;format=csv\"", page.Html);
    }
}

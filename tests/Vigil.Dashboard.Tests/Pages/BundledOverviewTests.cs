using System.Globalization;
using Microsoft.VisualBasic.FileIO;
using Vigil.Dashboard.Tests.Support;
using Vigil.TestSupport;

namespace Vigil.Dashboard.Tests.Pages;

/// <summary>
/// The overview of a fresh install for Afghanistan and for both countries: its figures are the bundled Candidate
/// file's, counted here by the test's own CSV reader; the months no bundled file covers are "no data".
/// </summary>
public sealed class BundledOverviewTests
{
    /// <summary>Events and the sum of best estimates of killed in the Candidate file, by start month and country.</summary>
    private static (long Incidents, long Killed) Counted(string month, params string[] countries)
    {
        using var parser = new TextFieldParser(RepoFiles.BundledUcdpCandidate) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        var (incidents, killed) = (0L, 0L);
        while (parser.ReadFields() is { } f)
        {
            if (!f[Array.IndexOf(header, "date_start")].StartsWith(month, StringComparison.Ordinal) || !countries.Contains(f[Array.IndexOf(header, "country")]))
                continue;
            incidents++;
            killed += long.Parse(f[Array.IndexOf(header, "best")], CultureInfo.InvariantCulture);
        }
        return (incidents, killed);
    }

    [Theory]
    [InlineData("country=Afghanistan", "Afghanistan")]
    [InlineData("country=all", "Afghanistan", "Pakistan")]
    public async Task Overview_of_july_2026_counts_the_bundled_candidate_file(string country, params string[] countries)
    {
        using var app = DashboardApp.WithBundled();
        var expected = Counted("2026-07", countries);

        var page = await HtmlPage.LoadAsync(await app.Client().GetAsync($"/?{country}&dataset=all", TestContext.Current.CancellationToken));

        Assert.Contains("Overview — July 2026", page.Text);
        Assert.Equal(expected, (page.Figure("incidents"), page.Figure("killed")));
        // The links behind the figures keep the countries, so that the list shows the same incidents.
        Assert.Contains($"/incidents?from=2026-07-01&amp;to=2026-07-31&amp;{string.Join("&amp;", countries.Select(c => "country=" + c))}&amp;dataset=all\"", page.Html);
        Assert.Contains(countries.Length > 1 ? "<option value=\"all\" selected" : "<option value=\"Afghanistan\" selected", page.Html);
    }

    [Fact]
    public async Task Overview_of_pakistan_between_the_two_files_is_no_data_not_zero()
    {
        using var app = DashboardApp.WithBundled();

        var page = await HtmlPage.LoadAsync(await app.Client().GetAsync("/?month=2024-06&dataset=all", TestContext.Current.CancellationToken));

        Assert.Contains("Overview — June 2024", page.Text);
        Assert.Contains("No dataset in scope covers this month", page.Text);
        Assert.DoesNotContain(">0<", page.Html[page.Html.IndexOf("data-figure=\"incidents\"", StringComparison.Ordinal)..][..400]);
    }
}

using System.Text.RegularExpressions;
using Vigil.Dashboard.Tests.Support;

namespace Vigil.Dashboard.Tests.Pages;

/// <summary>
/// The map and the province lists over the bundled UCDP data with Afghan events added in UCDP's layout
/// (Kabul, Nangarhar, Kandahar, Helmand, Paktika, Paktiya; December 2021).
/// </summary>
public sealed partial class AfghanistanMapTests
{
    /// <summary>The districts the fixture's Afghan events name, as the gazetteer calls them.</summary>
    private static readonly string[] AfghanDistricts = ["Kabul", "Jalalabad", "Achin", "Kandahar", "Lashkar Gah", "Nad Ali", "Urgun", "Gardiz"];

    [Fact]
    public async Task The_map_of_data_in_both_countries_draws_both_countries_districts()
    {
        using var app = DashboardApp.WithUcdpAndAfghanistan();
        var client = app.Client();

        var page = await HtmlPage.LoadAsync(await client.GetAsync("/map", TestContext.Current.CancellationToken));

        Assert.Contains("data-countries=\"AFG PAK\"", page.Html);
        Assert.Contains("People killed by district, and incidents, January 2021 – December 2021 — Afghanistan and Pakistan", page.Text);
        // Every incident the filters select, in either country, is counted.
        Assert.Equal(await Api.IncidentTotalAsync(client, "from=2021-01&to=2021-12"), page.Figure("incidents"));
    }

    [Fact]
    public async Task The_map_of_Afghanistan_puts_each_Afghan_event_on_its_district_of_the_Afghan_layer()
    {
        using var app = DashboardApp.WithUcdpAndAfghanistan();

        var page = await HtmlPage.LoadAsync(await app.Client().GetAsync("/map?country=Afghanistan", TestContext.Current.CancellationToken));

        Assert.Contains("data-countries=\"AFG\"", page.Html);
        Assert.Contains("— Afghanistan", page.Text);
        Assert.Equal(8, page.Figure("incidents"));
        var rows = DistrictRows(page.Html);
        Assert.Equal(AfghanDistricts.Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        Assert.All(rows.Values, row => Assert.Equal(("AFG", "AFG"), row));
        // One circle (an ellipse for its fill, one for its outline) per district, and the legend's reference circle.
        Assert.Equal((2 * AfghanDistricts.Length) + 1, Regex.Matches(page.Html, "<ellipse").Count);
    }

    [Fact]
    public async Task An_Afghan_province_chosen_on_the_map_zooms_to_it()
    {
        using var app = DashboardApp.WithUcdpAndAfghanistan();

        var page = await HtmlPage.LoadAsync(await app.Client().GetAsync("/map?province=Paktika", TestContext.Current.CancellationToken));

        Assert.Contains("data-countries=\"AFG\"", page.Html);
        Assert.Contains("— Paktika", page.Text);
        Assert.Equal(1, page.Figure("incidents"));
        Assert.Equal(("AFG", "AFG"), DistrictRows(page.Html)["Urgun"]);
    }

    [Fact]
    public async Task Province_lists_offer_Afghan_provinces_when_there_are_Afghan_incidents()
    {
        using var both = DashboardApp.WithUcdpAndAfghanistan();
        using var pakistan = DashboardApp.WithUcdp();

        var incidents = await HtmlPage.LoadAsync(await both.Client().GetAsync("/incidents", TestContext.Current.CancellationToken));
        var map = await HtmlPage.LoadAsync(await both.Client().GetAsync("/map", TestContext.Current.CancellationToken));
        var overview = await HtmlPage.LoadAsync(await both.Client().GetAsync("/", TestContext.Current.CancellationToken));
        var pakistanOnly = await HtmlPage.LoadAsync(await pakistan.Client().GetAsync("/incidents", TestContext.Current.CancellationToken));

        foreach (var page in new[] { incidents, map })
        {
            var afghan = Group(page.Html, "Afghanistan");
            Assert.Equal(34, afghan.Count);
            Assert.Contains("Paktika", afghan);
            Assert.Contains("Paktia", afghan);
            Assert.Contains("Balochistan", Group(page.Html, "Pakistan"));
        }
        // The overview is Pakistan's: its list stays Pakistan's provinces.
        Assert.DoesNotContain("<option value=\"Kabul\"", overview.Html);
        Assert.Contains("<option value=\"Balochistan\"", overview.Html);
        // Pakistani data alone: one list, Pakistan's.
        Assert.DoesNotContain("<optgroup", pakistanOnly.Html);
        Assert.DoesNotContain("<option value=\"Kabul\"", pakistanOnly.Html);
        Assert.Contains("<option value=\"Balochistan\"", pakistanOnly.Html);
    }

    /// <summary>The map page's district table: district → (country of the incidents, country of the polygon its circle is on).</summary>
    private static Dictionary<string, (string Country, string? Layer)> DistrictRows(string html) =>
        DistrictRow().Matches(html).ToDictionary(
            m => System.Net.WebUtility.HtmlDecode(m.Groups["district"].Value),
            m => (m.Groups["country"].Value, m.Groups["layer"].Success ? m.Groups["layer"].Value : null));

    /// <summary>The options of a province list's group for one country.</summary>
    private static List<string> Group(string html, string country)
    {
        var start = html.IndexOf($"<optgroup label=\"{country}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no province group for {country}");
        var group = html[start..html.IndexOf("</optgroup>", start, StringComparison.Ordinal)];
        return [.. Option().Matches(group).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex("""<tr data-country="(?<country>\w+)"(?: data-layer="(?<layer>\w+)")?>\s*<td><a [^>]*>(?<district>[^<]+)</a>""")]
    private static partial Regex DistrictRow();

    [GeneratedRegex("<option value=\"([^\"]+)\"")]
    private static partial Regex Option();
}

using System.Globalization;
using System.Text.RegularExpressions;
using Vigil.Dashboard.Tests.Support;
using Vigil.Domain.Sources;
using Vigil.Domain.Text;
using Vigil.TestSupport.Contracts;

namespace Vigil.Dashboard.Tests.Pages;

/// <summary>
/// The dashboard under a sources scope, over <see cref="SourceScopeSamples"/>: the incident list's killed column is the
/// scope's and says so, adding up to the sums worked by hand; the overview's links carry the scope, so the list they
/// open counts what the overview counts; downloads, which hold the incidents' own figures, say why there are none.
/// </summary>
public sealed partial class SourceScopePagesTests
{
    [GeneratedRegex("""<td class="n">([^<]*)</td>\s*<td class="n">[^<]*</td>""")]
    private static partial Regex KilledCell();

    [Theory]
    [InlineData("all")]
    [InlineData("party")]
    public async Task The_list_shows_the_scopes_figures_and_the_overview_links_to_it(string sources)
    {
        using var app = DashboardApp.WithEmpty();
        SourceScopeSamples.Seed(app.Database);
        var client = app.Client();
        var ct = TestContext.Current.CancellationToken;
        var (_, best, _, unknown) = SourceScopeSamples.March(EnumText<SourceScope>.Parse(sources));

        var list = await HtmlPage.LoadAsync(await client.GetAsync($"/incidents?from=2024-03&to=2024-03&dataset=all&sources={sources}", ct));
        Assert.Contains($"Killed (sources={sources})", list.Text, StringComparison.Ordinal);
        var cells = KilledCell().Matches(list.Html).Select(m => m.Groups[1].Value.Trim()).ToList();
        Assert.Equal(SourceScopeSamples.Incidents, cells.Count);
        Assert.Equal(best, cells.Where(c => char.IsDigit(c[0])).Sum(c => long.Parse(c.Split(' ')[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture)));
        Assert.Equal(unknown, cells.Count(c => !char.IsDigit(c[0])));
        Assert.Contains($"No download with sources={sources}", list.Text, StringComparison.Ordinal);

        var overview = await HtmlPage.LoadAsync(await client.GetAsync($"/?month=2024-03&dataset=all&sources={sources}", ct));
        Assert.Contains($"Sourcing: {100 * SourceScopeSamples.FairOrBetter / SourceScopeSamples.Incidents} % of incidents fair or better", overview.Text, StringComparison.Ordinal);
        Assert.Matches($"href=\"/incidents\\?[^\"]*sources={sources}", overview.Html);
        Assert.Matches($"data-series=\"/api/v1/statistics/series\\?[^\"]*sources={sources}", overview.Html);
    }
}

using Vigil.Dashboard.Tests.Support;
using Vigil.TestSupport.Contracts;

namespace Vigil.Dashboard.Tests.Pages;

/// <summary>
/// The dashboard over the incidents of <see cref="ProvenanceSamples"/>: an incident page shows each source's own figure,
/// the party's claim marked, the grade and the contest; the overview states beside its headline figures which sources
/// they count and the share of incidents graded fair or better, and its form offers the choice.
/// </summary>
public sealed class ProvenancePagesTests
{
    [Fact]
    public async Task An_incident_page_shows_what_each_source_said_and_the_overview_the_graded_share()
    {
        using var app = DashboardApp.WithEmpty();
        ProvenanceSamples.Seed(app.Database);
        var client = app.Client();
        var ct = TestContext.Current.CancellationToken;

        var incident = await HtmlPage.LoadAsync(await client.GetAsync("/incidents/1", ct));
        Assert.Contains("Grade: contested", incident.Text, StringComparison.Ordinal);
        Assert.Contains("contested: its sources disagree on the figures", incident.Text, StringComparison.Ordinal);
        Assert.Contains("[party claim] · killed 60", incident.Text, StringComparison.Ordinal);
        Assert.Contains("killed 24", incident.Text, StringComparison.Ordinal);

        var overview = await HtmlPage.LoadAsync(await client.GetAsync("/?month=2024-03&dataset=all&sources=all", ct));
        Assert.Contains("Sourcing: 0 % of incidents fair or better (confirmed 0, fair 0, weak 2, contested 1, discounted 0)", overview.Text, StringComparison.Ordinal);
        Assert.Contains("killed and injured from all credible sources", overview.Text, StringComparison.Ordinal);
        Assert.Contains("<option value=\"all\" selected", overview.Html, StringComparison.Ordinal);
    }
}

using System.Net;
using Vigil.Dashboard.Tests.Support;

namespace Vigil.Dashboard.Tests.Pages;

/// <summary>A dashboard page asked for as of something that is no moment: a page (not a problem document) naming as_of, 400.</summary>
public sealed class AsOfPageTests
{
    [Theory]
    [InlineData("/incidents?province=Punjab&as_of=yesterday", "/incidents?province=Punjab")]
    [InlineData("/?as_of=2026-13-01", "/")]
    public async Task A_moment_that_is_not_one_is_a_page_naming_as_of_with_a_link_without_it(string address, string without)
    {
        using var app = DashboardApp.WithEmpty();
        var response = await app.Client().GetAsync(address, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await HtmlPage.LoadAsync(response);
        Assert.Contains("as_of: '", page.Text);
        Assert.Contains("is not a moment", page.Text);
        Assert.Contains($"href=\"{without}\">Show the page without it</a>", page.Html, StringComparison.Ordinal);
    }
}

using Vigil.Domain.Text;

namespace Vigil.Domain.Tests;

/// <summary>Security issue 13, defect 8: the one link sanitiser every page and report uses.</summary>
public class WebLinkTests
{
    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData(" JaVaScRiPt:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("java\nscript:alert(1)")]
    [InlineData("\u0001javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("//evil.example/x")]
    [InlineData("/relative")]
    [InlineData("https://")]
    [InlineData("ftp://example.org/x")]
    [InlineData("")]
    [InlineData(null)]
    public void Source_addresses_that_are_not_web_links_are_never_linked(string? url) =>
        Assert.Null(WebLink.Href(url));

    [Theory]
    [InlineData("https://example.org/a?b=1&c=2", "https://example.org/a?b=1&c=2")]
    [InlineData("  http://example.org/x ", "http://example.org/x")]
    [InlineData("https://en.wikipedia.org/wiki/Bannu_(city)", "https://en.wikipedia.org/wiki/Bannu_(city)")]
    public void Web_links_are_linked_as_given(string url, string href) =>
        Assert.Equal(href, WebLink.Href(url));
}

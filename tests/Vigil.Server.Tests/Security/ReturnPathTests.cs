using Vigil.Web.Security;

namespace Vigil.Server.Tests.Security;

/// <summary>Issue 13, defect 5: the return path after sign-in is a path of this site, whatever a browser would strip or fold.</summary>
public sealed class ReturnPathTests
{
    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("/\r/evil.example")]
    [InlineData("/\u000b/evil.example")]
    [InlineData("/ /evil.example")]
    [InlineData("/\u00a0/evil.example")]
    [InlineData("/\u3000/evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("/x\\..\\..\\/evil")]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("evil.example")]
    [InlineData("")]
    [InlineData(null)]
    public void Return_paths_that_a_browser_could_resolve_to_another_site_fall_back_to_the_home_page(string? target) =>
        Assert.Equal("/", ReturnPath.Safe(target));

    [Theory]
    [InlineData("/")]
    [InlineData("/incidents?province=Sindh&from=2014")]
    [InlineData("/incidents/42")]
    [InlineData("/review?status=pending#top")]
    public void Paths_of_this_site_are_kept(string target) =>
        Assert.Equal(target, ReturnPath.Safe(target));

    [Fact]
    public void No_generated_return_path_leaves_the_site()
    {
        var random = new Random(5);
        var alphabet = "/\\\t\n\r ?#@:.%a\u00a0\u2028\u3000";
        for (var i = 0; i < 5000; i++)
        {
            var chars = new char[random.Next(1, 10)];
            for (var j = 0; j < chars.Length; j++)
                chars[j] = alphabet[random.Next(alphabet.Length)];
            var safe = ReturnPath.Safe(new string(chars));
            Assert.True(Uri.TryCreate(new Uri("https://vigil.example/"), safe, out var resolved) && resolved.Host == "vigil.example", safe);
            Assert.DoesNotContain(safe, c => c <= ' ' || c == '\\' || c > '~');
        }
    }
}

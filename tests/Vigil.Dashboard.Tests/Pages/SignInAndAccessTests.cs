using System.Net;
using Vigil.Dashboard.Tests.Support;
using Vigil.Storage;

namespace Vigil.Dashboard.Tests.Pages;

public sealed class SignInAndAccessTests
{
    [Fact]
    public async Task Signing_in_keeps_a_session_id_not_the_key_in_an_HttpOnly_SameSite_Strict_cookie_and_signing_out_clears_it()
    {
        using var app = DashboardApp.WithEmpty();
        var key = TestDatabases.AddKey(app.Database, "amina", ApiRole.Analyst);
        var client = app.Client();
        var form = (await HtmlPage.LoadAsync(await client.GetAsync("/signin?return=/incidents", TestContext.Current.CancellationToken))).Form("/signin");

        var signIn = await client.PostAsync("/signin", FormPost.With(form, ("key", key)), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/incidents", signIn.Headers.Location?.OriginalString);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("vigil_session=", StringComparison.Ordinal));
        Assert.DoesNotContain(key, cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var signedIn = await HtmlPage.LoadAsync(await client.GetAsync("/signin", TestContext.Current.CancellationToken));
        Assert.Contains("Signed in as amina (analyst)", signedIn.Text);

        var signOut = await client.PostAsync("/signout", FormPost.With(signedIn.Form("/signout")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Contains(signOut.Headers.GetValues("Set-Cookie"), c => c.StartsWith("vigil_session=;", StringComparison.Ordinal) && c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Not signed in", (await HtmlPage.LoadAsync(await client.GetAsync("/signin", TestContext.Current.CancellationToken))).Text.Replace("Reading without a key", "Not signed in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_key_is_refused_on_the_sign_in_page()
    {
        using var app = DashboardApp.WithEmpty();
        var client = app.Client();
        var form = (await HtmlPage.LoadAsync(await client.GetAsync("/signin", TestContext.Current.CancellationToken))).Form("/signin");

        var response = await client.PostAsync("/signin", FormPost.With(form, ("key", "vgl_not-a-key")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This key is not known, or it has been revoked.", (await HtmlPage.LoadAsync(response)).Text);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("vigil_session=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Signing_in_without_the_form_token_is_refused()
    {
        using var app = DashboardApp.WithEmpty();
        var key = TestDatabases.AddKey(app.Database, "amina", ApiRole.Analyst);

        var response = await app.Client().PostAsync("/signin", new FormUrlEncodedContent([new("key", key)]), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("vigil_session=", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("/ /evil.example")]
    public async Task After_signing_in_the_browser_goes_only_to_a_page_of_this_site(string target)
    {
        using var app = DashboardApp.WithEmpty();
        var key = TestDatabases.AddKey(app.Database, "amina", ApiRole.Viewer);
        var client = app.Client();
        var form = (await HtmlPage.LoadAsync(await client.GetAsync("/signin?return=" + Uri.EscapeDataString(target), TestContext.Current.CancellationToken))).Form("/signin");

        var response = await client.PostAsync("/signin", FormPost.With(form, ("key", key)), TestContext.Current.CancellationToken);

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Without_anonymous_reading_pages_ask_for_a_key_and_a_viewer_key_opens_them()
    {
        using var app = DashboardApp.WithUcdp(anonymousRead: false);
        var viewerKey = TestDatabases.AddKey(app.Database, "vera", ApiRole.Viewer);

        foreach (var path in new[] { "/", "/map", "/incidents", "/claims", "/reports" })
        {
            var anonymous = await app.Client().GetAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Contains("Sign in with an API key", (await HtmlPage.LoadAsync(anonymous)).Text);
            Assert.Equal(HttpStatusCode.OK, (await app.Client(viewerKey).GetAsync(path, TestContext.Current.CancellationToken)).StatusCode);
        }
    }

    [Fact]
    public async Task Revoking_the_key_ends_its_sign_in_session_and_the_page_says_so()
    {
        using var app = DashboardApp.WithUcdp(anonymousRead: false);
        var key = TestDatabases.AddKey(app.Database, "gone", ApiRole.Viewer);
        var client = app.Client();
        var form = (await HtmlPage.LoadAsync(await client.GetAsync("/signin", TestContext.Current.CancellationToken))).Form("/signin");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/signin", FormPost.With(form, ("key", key)), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", TestContext.Current.CancellationToken)).StatusCode);
        using (var store = Vigil.Storage.Sqlite.SqliteIncidentStore.Open(app.Database))
            store.AccessStore.RevokeKey("gone");

        var response = await client.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("no longer accepted", (await HtmlPage.LoadAsync(response)).Text);
    }
}

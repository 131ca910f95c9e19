using Microsoft.Playwright;

namespace Vigil.Dashboard.Tests.Browser;

/// <summary>
/// One headless Chromium for the browser tests: Debian's /usr/bin/chromium driven by Playwright, launched as
/// NOTES.md says (never a browser that Playwright downloads). Without it the tests skip, saying what to
/// install — except under CI=true, where a missing browser is a failure.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>Where Chromium is looked for: /usr/bin/chromium; VIGIL_TEST_CHROMIUM overrides it (to try the skip path).</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("VIGIL_TEST_CHROMIUM") is { Length: > 0 } path ? path : Chromium;

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
            return;
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>The browser, or the test is skipped (failed under CI) with the package to install.</summary>
    public IBrowser Browser
    {
        get
        {
            if (_browser is not null)
                return _browser;
            var message = $"The browser tests need Debian's Chromium at {ExecutablePath}: install it with 'apt-get update && apt-get install -y chromium' (do not run 'playwright install').";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                Assert.Fail(message);
            Assert.Skip(message);
            return null!;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

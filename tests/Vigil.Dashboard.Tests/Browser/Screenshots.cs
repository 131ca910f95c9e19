using Microsoft.Playwright;

namespace Vigil.Dashboard.Tests.Browser;

/// <summary>Full-page screenshots under TestResults/screenshots next to the test assembly, for a person to look at.</summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public static async Task SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 10_000, $"{path} is suspiciously small");
    }
}

using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Vigil.TestSupport.Contracts;

namespace Vigil.Server.Tests;

/// <summary>
/// A month whose injuries are all unknown (the dataset records injuries; none of its sources gave a figure): every
/// surface the server renders — the overview API, the series API, the HTML and PDF assessment, the dashboard's
/// overview — says "unknown", and none shows a 0 standing for it.
/// </summary>
public sealed partial class UnknownIsNotZeroTests : IDisposable
{
    private readonly ApiFactory _api = new(anonymousRead: true);
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly int[] Killed = UnknownInjuriesMonth.Killed;

    public UnknownIsNotZeroTests() => UnknownInjuriesMonth.Seed(_api.Database);

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task The_overview_and_series_APIs_give_null_and_the_count_of_unknowns()
    {
        using var client = _api.Client(null);

        var overview = JsonDocument.Parse(await client.GetStringAsync("/api/v1/statistics/overview?month=2021-06", Ct)).RootElement;
        var series = JsonDocument.Parse(await client.GetStringAsync("/api/v1/statistics/series?by=month&from=2021-06&to=2021-06", Ct)).RootElement;

        var injured = overview.GetProperty("headlines")[2];
        Assert.Equal(JsonValueKind.Null, injured.GetProperty("value").ValueKind);
        Assert.Equal("unknown", injured.GetProperty("missing").GetString());
        Assert.Equal(Killed.Sum(), overview.GetProperty("headlines")[1].GetProperty("value").GetInt64());
        Assert.Equal(JsonValueKind.Null, overview.GetProperty("trend")[overview.GetProperty("trend").GetArrayLength() - 1].GetProperty("injured").ValueKind);
        var june = Assert.Single(series.GetProperty("rows").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, june.GetProperty("injured_best").ValueKind);
        Assert.Equal(Killed.Length, june.GetProperty("injured_unknown").GetInt64());
    }

    [Fact]
    public async Task The_HTML_and_PDF_assessments_print_unknown_for_the_injured()
    {
        using var client = _api.Client(null);

        var html = await client.GetStringAsync("/api/v1/reports/monthly?month=2021-06&format=html", Ct);
        var pdf = await client.GetByteArrayAsync("/api/v1/reports/monthly?month=2021-06&format=pdf", Ct);

        Assert.Equal("unknown", Headline().Match(html) is { Success: true } m ? m.Groups[1].Value : null);
        // The three headline boxes stand side by side: their labels on one line, their values on the next.
        var lines = PdfText(pdf).Split('\n');
        var labels = Array.FindIndex(lines, l => l.Contains("INCIDENTS", StringComparison.Ordinal) && l.Contains("INJURED", StringComparison.Ordinal));
        var values = lines.Skip(labels + 1).First(l => l.Trim().Length > 0).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["3", Killed.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture), "unknown"], values);
    }

    [Fact]
    public async Task The_dashboard_overview_shows_unknown_not_zero()
    {
        using var client = _api.Client(null);

        var page = await client.GetStringAsync("/?month=2021-06", Ct);

        var block = page[page.IndexOf("data-figure=\"injured\"", StringComparison.Ordinal)..];
        var end = block.IndexOf("data-figure=", 10, StringComparison.Ordinal);
        block = end > 0 ? block[..end] : block[..Math.Min(600, block.Length)];
        Assert.Contains("<div class=\"value none\">unknown</div>", block, StringComparison.Ordinal);
        Assert.DoesNotMatch(@">\s*0\s*<", block);
    }

    [GeneratedRegex("""<div class="label">Injured</div>\s*<div class="value">([^<]*)</div>""")]
    private static partial Regex Headline();

    private static string PdfText(byte[] pdf)
    {
        var dir = Directory.CreateTempSubdirectory("vigil-pdf-");
        try
        {
            var path = Path.Combine(dir.FullName, "report.pdf");
            File.WriteAllBytes(path, pdf);
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", path, "-"]) { RedirectStandardOutput = true })!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return text;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigil.Application.Feeds;
using Vigil.Application.Reference;
using Vigil.Extraction.Input;
using Vigil.Storage.Backends;

namespace Vigil.Bench;

/// <summary>
/// Feed items processed per second end to end — ten RSS feeds on a loopback Kestrel site, each item's page fetched,
/// its main text taken out (SmartReader), de-duplicated, extracted and queued in a SQLite database, as the server's
/// poller does — against the extractor alone over the same articles on one thread, in the same run.
/// </summary>
internal static class FeedBench
{
    private const int Feeds = 10;

    public static void Run(string work, int items, int seed, int rounds)
    {
        var corpus = Path.Combine(work, $"news-{items}-seed{seed}.jsonl");
        if (!File.Exists(corpus))
        {
            NewsCorpus.Write(corpus + ".partial", items, seed);
            File.Move(corpus + ".partial", corpus, overwrite: true);
        }
        var articles = ArticleReader.ReadJsonLines(corpus).ToList();
        Console.WriteLine($"corpus: {articles.Count:N0} articles, {articles.Sum(a => (long)a.Text.Length) / 1e6:N1} MB of text, in {Feeds} feeds");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
        var site = Site(articles).GetAwaiter().GetResult();
        var address = site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        var reference = ReferenceData.Bundled;
        reference.Extractor.Extract(new Article("warm-up", "Five people were killed in Peshawar on Monday.", new DateOnly(2023, 3, 7)));
        var inv = CultureInfo.InvariantCulture;
        for (var round = 1; round <= rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            foreach (var article in articles)
                reference.Extractor.Extract(article);
            var alone = watch.Elapsed.TotalSeconds;

            // The reading alone: every page fetched from the site and its main text taken out, as the poller reads them.
            var readOptions = new FeedOptions { AllowPrivateAddresses = true };
            using (var reader = new FeedHttp(readOptions))
            {
                watch.Restart();
                Parallel.ForEachAsync(Enumerable.Range(0, articles.Count), new ParallelOptions { MaxDegreeOfParallelism = readOptions.Parallel }, async (i, token) =>
                {
                    var page = await reader.GetAsync(new Uri($"{address}/a/{i}"), readOptions.MaxPageBytes, null, null, token);
                    PageText.Of(page.FinalUri, page.Body, page.ContentType);
                }).GetAwaiter().GetResult();
            }
            var reading = watch.Elapsed.TotalSeconds;

            var db = Path.Combine(work, $"feeds-bench-{round}.db");
            foreach (var f in new[] { db, db + "-wal", db + "-shm" })
                File.Delete(f);
            var options = new FeedOptions { AllowPrivateAddresses = true };
            using (var open = DatabaseLocation.Parse(db).Open())
            {
                var watchList = new FeedWatch(open, options, TimeProvider.System);
                for (var f = 0; f < Feeds; f++)
                    watchList.Add($"{address}/feed/{f}.xml", $"Outlet {f}", "30m", "bench");
            }
            using var http = new FeedHttp(options);
            var poller = new FeedPoller(() => DatabaseLocation.Parse(db).Open(), reference, http, options, TimeProvider.System);
            watch.Restart();
            var (polls, done) = poller.RunDueAsync(CancellationToken.None).GetAwaiter().GetResult();
            var endToEnd = watch.Elapsed.TotalSeconds;
            if (polls.Any(p => !p.Ok) || done.Articles + done.Repeats != articles.Count)
                throw new InvalidOperationException($"the poll did not process every item: {done}");
            Console.WriteLine(string.Create(inv,
                $"round {round}: extractor alone (one thread) {alone:N2} s = {articles.Count / alone:N0} items/s; fetch + page text alone {reading:N2} s = {articles.Count / reading:N0} items/s; end to end {endToEnd:N2} s = {articles.Count / endToEnd:N0} items/s ({done.Articles:N0} articles, {done.Repeats:N0} repeats); ratio end to end / extractor alone {articles.Count / endToEnd / (articles.Count / alone):N2}"));
        }
        site.StopAsync().GetAwaiter().GetResult();
    }

    /// <summary>The feeds (items split over <see cref="Feeds"/> RSS documents) and one page per article, with a news site's furniture around the story.</summary>
    private static async Task<WebApplication> Site(IReadOnlyList<Article> articles)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var pages = articles.Select(Page).ToArray();
        var feeds = Enumerable.Range(0, Feeds).Select(f => Rss(articles, f)).ToArray();
        app.MapGet("/feed/{n:int}.xml", (int n) => Results.Text(feeds[n], "application/rss+xml", Encoding.UTF8));
        app.MapGet("/a/{n:int}", (int n) => Results.Text(pages[n], "text/html", Encoding.UTF8));
        await app.StartAsync();
        return app;
    }

    private static string Rss(IReadOnlyList<Article> articles, int feed)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>bench</title>");
        for (var i = feed; i < articles.Count; i += Feeds)
        {
            var a = articles[i];
            sb.Append(CultureInfo.InvariantCulture, $"<item><guid>{WebUtility.HtmlEncode(a.Id)}</guid><title>{WebUtility.HtmlEncode(a.Title ?? a.Id)}</title><link>/a/{i}</link>");
            sb.Append(CultureInfo.InvariantCulture, $"<pubDate>{(a.Published ?? new DateOnly(2026, 11, 1)).ToDateTime(TimeOnly.MinValue):R}</pubDate></item>");
        }
        return sb.Append("</channel></rss>").ToString();
    }

    private static string Page(Article a)
    {
        var paragraphs = string.Concat(a.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"));
        var nav = string.Concat(Enumerable.Range(1, 30).Select(i => $"<li><a href=\"/section/{i}\">Section {i}</a></li>"));
        return $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(a.Title ?? "")}</title></head><body><header><nav><ul>{nav}</ul></nav></header>"
            + $"<main><article><h1>{WebUtility.HtmlEncode(a.Title ?? "")}</h1>{paragraphs}</article><aside><ul>{nav}</ul></aside></main><footer>Copyright. All rights reserved.</footer></body></html>";
    }
}

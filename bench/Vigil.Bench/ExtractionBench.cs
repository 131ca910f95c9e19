using System.Diagnostics;
using System.Globalization;
using Vigil.Extraction;
using Vigil.Extraction.Input;

namespace Vigil.Bench;

/// <summary>
/// Extraction throughput on one thread: articles/s and MB/s of article text for the full extractor (report,
/// claims, engagements, border events, commitments) over a generated corpus, against the floor — reading the
/// same JSON lines and splitting each text into sentences — measured in the same run. Both passes read the file
/// from the page cache (a warm-up pass reads it first).
/// </summary>
internal static class ExtractionBench
{
    public static void Run(string work, int articles, int seed, int rounds)
    {
        var corpus = Path.Combine(work, $"news-{articles}-seed{seed}.jsonl");
        if (!File.Exists(corpus))
        {
            Console.WriteLine($"generating {articles:N0} articles (seed {seed}) -> {corpus}");
            NewsCorpus.Write(corpus + ".partial", articles, seed);
            File.Move(corpus + ".partial", corpus, overwrite: true);
        }
        var inv = CultureInfo.InvariantCulture;
        var fileMb = new FileInfo(corpus).Length / 1e6;
        Console.WriteLine($"corpus: {corpus} ({fileMb:N1} MB, {articles:N0} articles)");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; one thread");
        var extractor = ArticleExtractor.Bundled;
        extractor.Extract(new Article("warm-up", "Five people were killed in Peshawar on Monday.", new DateOnly(2023, 3, 7)));
        Floor(corpus);

        for (var round = 1; round <= rounds; round++)
        {
            var (floorSeconds, textChars, sentences) = Floor(corpus);
            var watch = Stopwatch.StartNew();
            long n = 0, reports = 0, claims = 0;
            foreach (var article in ArticleReader.ReadJsonLines(corpus))
            {
                var x = extractor.Extract(article);
                n++;
                if (x.Report is not null)
                    reports++;
                claims += x.Claims.Count;
            }
            watch.Stop();
            var seconds = watch.Elapsed.TotalSeconds;
            var textMb = textChars / 1e6;
            Console.WriteLine(string.Create(inv,
                $"round {round}: floor (read + JSON + split into {sentences:N0} sentences) {floorSeconds:N2} s; extraction {seconds:N2} s = {n / seconds:N0} articles/s, {textMb / seconds:N2} MB/s of text ({fileMb / seconds:N2} MB/s of file); ratio extraction / floor {seconds / floorSeconds:N1}; {reports:N0} reports, {claims:N0} claims"));
        }
    }

    /// <summary>Read every line, parse its JSON, split its text into sentences: what any extractor must at least do.</summary>
    private static (double Seconds, long Chars, long Sentences) Floor(string corpus)
    {
        var watch = Stopwatch.StartNew();
        long chars = 0, sentences = 0;
        foreach (var line in File.ReadLines(corpus))
        {
            using var doc = System.Text.Json.JsonDocument.Parse(line);
            var text = doc.RootElement.GetProperty("text").GetString() ?? "";
            chars += text.Length;
            var start = 0;
            while (start < text.Length)
            {
                var end = text.AsSpan(start).IndexOfAny('.', '\n');
                if (end < 0)
                {
                    sentences++;
                    break;
                }
                if (text[start + end] == '.' && (start + end + 1 >= text.Length || !char.IsWhiteSpace(text[start + end + 1])))
                {
                    start += end + 1;
                    continue;
                }
                sentences++;
                start += end + 1;
            }
        }
        return (watch.Elapsed.TotalSeconds, chars, sentences);
    }
}

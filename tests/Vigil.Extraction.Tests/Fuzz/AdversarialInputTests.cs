using System.Diagnostics;
using System.Text;
using Vigil.Extraction.Input;

namespace Vigil.Extraction.Tests.Fuzz;

/// <summary>
/// Random and hostile input must never crash or hang the extractor: every article finishes within a time
/// budget, and every span it reports lies inside the text and matches its evidence.
/// </summary>
public class AdversarialInputTests
{
    /// <summary>Generous for a loaded two-core CI machine; a normal article takes well under a millisecond.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);

    private static ArticleExtraction Run(string text, string? title = null)
    {
        var watch = Stopwatch.StartNew();
        var result = ArticleExtractor.Bundled.Extract(new Article("fuzz", text, new DateOnly(2023, 3, 7), Title: title));
        watch.Stop();
        Assert.True(watch.Elapsed < Budget, $"took {watch.Elapsed.TotalSeconds:0.0} s on {text.Length:N0} characters");
        AssertSpansValid(result);
        return result;
    }

    private static void AssertSpansValid(ArticleExtraction x)
    {
        void Check(int start, int end, string? evidence)
        {
            Assert.InRange(start, 0, x.Text.Length);
            Assert.InRange(end, start, x.Text.Length);
            if (evidence is not null)
                Assert.Equal(evidence, x.Text[start..end]);
        }
        if (x.Report is { } r)
        {
            foreach (var m in r.Casualties)
                Check(m.Start, m.End, m.Phrase);
            if (r.Date is { } d)
                Check(d.Start, d.End, d.Evidence);
            if (r.Place is { } p)
                Check(p.Start, p.End, p.Text);
            if (r.EventType is { } t)
                Check(t.Start, t.End, t.Evidence);
            foreach (var target in r.Targets)
                Check(target.Start, target.End, target.Evidence);
        }
        foreach (var c in x.Claims)
            Check(c.Evidence!.Start, c.Evidence.End, null);
        // A cue read in the title has no span in the text (-1).
        foreach (var cue in x.Document.Evidence.Where(e => e.Start >= 0))
            Check(cue.Start, cue.End, null);
    }

    [Fact]
    public void A_very_long_line_without_full_stops_is_cut_to_the_budget_and_finishes()
    {
        var sb = new StringBuilder();
        while (sb.Length < 3_000_000)
            sb.Append("at least twenty-three people killed and dozens injured near Peshawar Torkham closed assurances given by TTP ");
        var x = Run(sb.ToString());
        Assert.Equal(ExtractionBudget.MaxTextChars, x.Text.Length);
        Assert.NotNull(x.Report?.Killed);
    }

    [Fact]
    public void Binary_junk_does_not_crash_the_extractor()
    {
        var random = new Random(4);
        for (var i = 0; i < 12; i++)
        {
            var bytes = new byte[random.Next(1, 200_000)];
            random.NextBytes(bytes);
            Run(Encoding.UTF8.GetString(bytes));
            Run(Encoding.Latin1.GetString(bytes));
        }
    }

    [Fact]
    public void Deeply_nested_HTML_is_flattened_without_exhausting_the_stack()
    {
        var depth = 100_000;
        var html = new StringBuilder("<html><body>");
        for (var i = 0; i < depth; i++)
            html.Append("<div><span>");
        html.Append("Five people were killed in Quetta.");
        for (var i = 0; i < depth; i++)
            html.Append("</span></div>");
        html.Append("</body></html>");
        var watch = Stopwatch.StartNew();
        var text = HtmlText.ToText(html.ToString());
        Assert.True(watch.Elapsed < Budget * 2, $"HTML took {watch.Elapsed.TotalSeconds:0.0} s");
        Run(text);
    }

    [Theory]
    [InlineData("99999999999999999999999999999999 people were killed.")]
    [InlineData("9,223,372,036,854,775,807 people were killed and 1e308 injured.")]
    [InlineData("a thousand thousand million million people were killed.")]
    [InlineData("between 1 and 99999999999 people were killed, more than 2147483647 injured.")]
    [InlineData("The death toll rose to 10000001.")]
    public void Huge_numbers_are_not_taken_as_casualty_counts(string text)
    {
        var x = Run(text);
        Assert.True(x.Report?.Killed?.Best is null or <= Vigil.Extraction.Numbers.NumberWords.Ceiling);
        Assert.True(x.Report?.Injured?.Best is null or <= Vigil.Extraction.Numbers.NumberWords.Ceiling);
    }

    [Fact]
    public void Random_sequences_of_the_words_the_extractor_looks_for_never_crash_it()
    {
        string[] vocabulary =
        [
            "at", "least", "more", "than", "up", "to", "nearly", "between", "and", "or", "a", "dozen", "dozens", "scores", "of", "several",
            "twenty-three", "one", "hundred", "15", "16,000", "2023", "killed", "injured", "died", "wounded", "death", "toll", "rose", "people",
            "soldiers", "on", "Monday", "last", "week", "this", "yesterday", "March", "12", "in", "near", "Peshawar", "Khyber", "Torkham", "closure",
            "reopened", "TTP", "claimed", "suspected", "delegation", "visited", "Kabul", "talks", "with", "assurances", "given", "by", "percent",
            "spike", "deadliest", "since", "July", "2018", "attacks", ",", ".", "—", "'", "(", ")", "\n", "ISKP", "the", "lost", "their", "lives",
        ];
        var random = new Random(7);
        for (var i = 0; i < 2_000; i++)
        {
            var words = Enumerable.Range(0, random.Next(1, 400)).Select(_ => vocabulary[random.Next(vocabulary.Length)]);
            Run(string.Join(' ', words));
        }
    }

    [Fact]
    public void Random_sequences_of_roundup_words_never_crash_the_document_pass()
    {
        string[] vocabulary =
        [
            "The", "month", "saw", "These", "claimed", "lives", "militant", "attacks", "violent", "incidents", "in", "October", "May", "of", "2023",
            "the", "7th", "seventh", "th", "quarter", "second", "Q2", "first", "half", "year", "last", "out", "10", "16", "deaths", "took", "place",
            "province", "this", "region", "former", "tribal", "districts", "merged", "KP", "Balochistan", "Khyber", "Pakhtunkhwa", ";", ",", ":", ".",
            "ISLAMABAD", "up", "from", "than", "compared", "with", "rose", "to", "percent", "increase", "security", "personnel", "militants",
            "civilians", "Of", "them", "were", "killed", "injured", "countrywide", "across", "country", "must", "we", "should", "blast", "a",
            "according", "data", "compiled", "by", "institute", "claimed", "responsibility", "statement", "\n",
            "H1", "H2", "six", "months", "deadliest", "bloodiest", "most", "2nd", "nd", "third", "so", "far", "same", "previous", "preceding",
            "before", "earlier", "ago", "against", "September", "December", "2022", "69", "529",
        ];
        var random = new Random(16);
        for (var i = 0; i < 1_000; i++)
        {
            var words = Enumerable.Range(0, random.Next(1, 400)).Select(_ => vocabulary[random.Next(vocabulary.Length)]);
            var title = string.Join(' ', Enumerable.Range(0, random.Next(0, 12)).Select(_ => vocabulary[random.Next(vocabulary.Length)]));
            Run(string.Join(' ', words), title);
        }
    }
}

using Vigil.Application.Reference;
using Vigil.Application.Scopes;
using Vigil.Domain.Datasets;
using Vigil.Domain.Errors;
using Vigil.Storage;
using Vigil.TestSupport.Hostile;

namespace Vigil.Application.Tests;

/// <summary>How search text becomes terms (the same for the command line, the API and the dashboard), and the killed range.</summary>
public sealed class TextSearchTests
{
    private static readonly System.Text.UTF8Encoding Strict = new(false, throwOnInvalidBytes: true);
    private readonly ScopeParser _parser = new(ReferenceData.Bundled);

    [Theory]
    [InlineData("drone", "drone")]
    [InlineData("Drone  STRIKE", "drone strike")]
    [InlineData("\"North Waziristan\" drone", "\"north waziristan\" drone")]
    [InlineData("kill*", "kill*")]
    [InlineData("\"north wazir\"*", "\"north wazir\"*")]
    [InlineData("\"north wazir*\"", "\"north wazir\"*")]
    [InlineData("remote-controlled device", "\"remote controlled\" device")]
    [InlineData("drone AND strike", "drone strike")]
    [InlineData("drone OR strike", "drone or strike")]
    [InlineData("NEAR(drone strike)", "near drone strike")]
    [InlineData("\"unclosed phrase", "\"unclosed phrase\"")]
    [InlineData("drone drone", "drone")]
    [InlineData("“curly quotes”", "\"curly quotes\"")]
    [InlineData("Pakistan’s", "\"pakistan s\"")]
    [InlineData("col:word", "\"col word\"")]
    [InlineData("'; DROP TABLE incidents; --", "drop table incidents")]
    [InlineData("کوئٹہ", "کوئٹہ")]
    [InlineData("café", "café")]
    public void Text_is_read_as_words_phrases_and_prefixes(string text, string terms)
    {
        var (search, problem) = TextSearch.Parse(text);
        Assert.Null(problem);
        Assert.Equal(terms, search!.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("***")]
    [InlineData("\"\"")]
    [InlineData("!@#$%^&()")]
    [InlineData("\uD800")]
    [InlineData("\u0301\u0301")]
    [InlineData("💣🔥")]
    public void Text_without_a_word_is_no_search(string text) => Assert.Null(TextSearch.Parse(text).Search);

    [Fact]
    public void Every_hostile_value_is_words_or_a_problem_never_an_exception()
    {
        foreach (var value in HostileValues.For(5, count: 200))
        {
            var (search, problem) = TextSearch.Parse(value);
            Assert.True(search is not null ^ problem is not null);
            if (search is null)
                continue;
            Assert.All(search.Terms.SelectMany(t => t.Words), w => Assert.True(w.Length > 0 && w.EnumerateRunes().Any(System.Text.Rune.IsLetterOrDigit)));
            // No character of any query language (FTS5's, tsquery's), and valid UTF-16 (a lone surrogate would not encode).
            Assert.All(search.Terms.SelectMany(t => t.Words), w => Assert.DoesNotContain(w, c => c is '"' or '\'' or '*' or ':' or '(' or ')' or '&' or '|' or '!' or '<' or '>' or '\\' or '-' or '+' or '^'));
            Assert.All(search.Terms.SelectMany(t => t.Words), w => Strict.GetBytes(w));
        }
    }

    [Fact]
    public void Too_long_text_and_too_many_terms_are_refused_by_the_q_field()
    {
        Assert.Equal("q", ScopeParser.Validate(new ScopeInput { Text = new string('a', TextSearch.MaxLength + 1) })!.Field);
        Assert.Equal("q", ScopeParser.Validate(new ScopeInput { Text = string.Join(" ", Enumerable.Range(0, TextSearch.MaxTerms + 1).Select(i => "w" + i)) })!.Field);
        Assert.Equal("q", Assert.Throws<FieldException>(() => _parser.Parse(new ScopeInput { Text = "!!!" })).Field);
        Assert.Null(ScopeParser.Validate(new ScopeInput { Text = "  " }));
        Assert.Null(_parser.Parse(new ScopeInput { Text = " " }).Text);
    }

    [Fact]
    public void A_search_scope_says_what_it_counts()
    {
        var dataset = new Dataset { Name = "ucdp-ged", Title = "UCDP GED", Primary = true };
        var scope = _parser.Resolve(new ScopeInput { Text = "drone \"North Waziristan\"" }, [dataset]);
        Assert.Equal("drone \"north waziristan\"", scope.Query.Text!.ToString());
        Assert.Contains(scope.Notes, n => n.StartsWith("search drone \"north waziristan\": only the incidents whose place names, notes or sources", StringComparison.Ordinal));
        Assert.DoesNotContain(_parser.Resolve(new ScopeInput(), [dataset]).Notes, n => n.StartsWith("search", StringComparison.Ordinal));
    }

    [Fact]
    public void A_killed_range_is_checked_by_its_fields()
    {
        Assert.Equal("max_killed", ScopeParser.Validate(new ScopeInput { MaxKilled = -1 })!.Field);
        Assert.Equal("max_killed", ScopeParser.Validate(new ScopeInput { MinKilled = 10, MaxKilled = 5 })!.Field);
        Assert.Null(ScopeParser.Validate(new ScopeInput { MinKilled = 5, MaxKilled = 5 }));
        var query = _parser.Parse(new ScopeInput { MinKilled = 1, MaxKilled = 9 });
        Assert.Equal((1, 9), (query.MinKilled, query.MaxKilled));
    }
}

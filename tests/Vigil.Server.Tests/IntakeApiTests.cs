using System.Net;
using System.Text.Json;
using Vigil.Storage;
using Vigil.Storage.Relational;
using Vigil.Storage.Sqlite;

namespace Vigil.Server.Tests;

/// <summary>
/// POST /api/v1/intake: articles pushed by a scraper are queued once each; the same story from another outlet, the
/// same address again (however linked) or the same feed GUID is another source of the article kept, never a second
/// article; bad bodies are 400s naming the field; a viewer may not push.
/// </summary>
public sealed class IntakeApiTests : IDisposable
{
    private readonly ApiFactory _api = new();
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _api.Dispose();

    private const string Story = "At least 12 people were killed and 30 injured when a bomb exploded in a market in Quetta on Monday, police said.";

    private async Task<JsonElement> PushAsync(string json, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await _api.Client(ApiRole.Analyst).PostAsync("/api/v1/intake", Json.Body(json), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private int PendingCandidates()
    {
        using var store = SqliteIncidentStore.Open(_api.Database);
        return new CandidateQueue(store).List(CandidateStatus.Pending, 1000).Count;
    }

    [Fact]
    public async Task A_new_article_is_queued_with_its_kind_and_a_repeat_is_another_source_of_it()
    {
        var first = (await PushAsync($$"""
            [{"id": "dawn-1", "published": "2023-03-07", "source": "Dawn", "url": "https://www.dawn.com/news/1?utm_source=rss#top", "title": "Blast in Quetta", "text": "{{Story}}"}]
            """))[0];
        Assert.False(first.GetProperty("duplicate").GetBoolean());
        var queued = first.GetProperty("candidates").GetArrayLength();
        Assert.True(queued >= 1, "the incident report is queued");
        Assert.Equal(queued, PendingCandidates());
        var article = first.GetProperty("article_ref").GetInt64();

        // The same address linked another way, the same story syndicated by another outlet (spacing and capitals
        // differ), and the same GUID at a new address: each is the article already kept, with one more source.
        var repeats = await PushAsync($$"""
            [{"id": "x-1", "source": "Dawn (mobile)", "url": "HTTPS://WWW.DAWN.COM/news/1/", "text": "{{Story}}"},
             {"id": "app-7", "source": "APP", "url": "https://app.com.pk/7", "text": "{{Story.ToUpperInvariant().Replace(" ", "  ", StringComparison.Ordinal)}}"},
             {"id": "dawn-1", "source": "Dawn", "url": "https://www.dawn.com/news/1-updated", "text": "Updated: {{Story}}"}]
            """);
        Assert.Equal(["url", "text", "id"], repeats.EnumerateArray().Select(r => r.GetProperty("matched_by").GetString()));
        Assert.All(repeats.EnumerateArray(), r =>
        {
            Assert.True(r.GetProperty("duplicate").GetBoolean());
            Assert.Equal(article, r.GetProperty("article_ref").GetInt64());
            Assert.Equal(0, r.GetProperty("candidates").GetArrayLength());
        });
        Assert.Equal(4, repeats[2].GetProperty("sources").GetInt32());
        Assert.Equal(queued, PendingCandidates());

        using var store = SqliteIncidentStore.Open(_api.Database);
        var sources = new CandidateQueue(store).SourcesOf(article);
        Assert.Equal(["Dawn", "Dawn (mobile)", "APP", "Dawn"], sources.Select(s => s.Source));
        Assert.All(sources, s => Assert.Equal("key:analyst", s.ReceivedBy));
    }

    [Fact]
    public async Task Another_story_from_the_same_outlet_is_a_new_article()
    {
        await PushAsync($$"""[{"source": "Dawn", "url": "https://www.dawn.com/news/1", "text": "{{Story}}"}]""");
        var other = (await PushAsync("""
            [{"source": "Dawn", "url": "https://www.dawn.com/news/2", "text": "Five soldiers were killed in North Waziristan on Tuesday, the military said."}]
            """))[0];

        Assert.False(other.GetProperty("duplicate").GetBoolean());
        Assert.True(other.GetProperty("candidates").GetArrayLength() >= 1);
    }

    [Theory]
    [InlineData("""[{"source": "Dawn"}]""", "[0].text")]
    [InlineData("""[{"text": "x", "published": "07/03/2023"}]""", "[0].published")]
    [InlineData("""[{"text": "x", "titel": "y"}]""", "titel")]
    [InlineData("""[]""", "body")]
    [InlineData("""{"text": "x"}""", "body")]
    [InlineData("""[null]""", "[0]")]
    [InlineData("""[{"text": 5}]""", "text")]
    [InlineData("""[{"text": "x", "html": "yes"}]""", "html")]
    public async Task A_bad_body_is_a_400_naming_the_field_and_queues_nothing(string json, string field)
    {
        var problem = await PushAsync(json, HttpStatusCode.BadRequest);

        Assert.Contains(field, problem.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(0, PendingCandidates());
    }

    [Fact]
    public async Task More_articles_than_a_request_may_carry_are_refused_whole()
    {
        var many = "[" + string.Join(",", Enumerable.Range(0, 101).Select(i => $$"""{"text": "Story {{i}}: {{Story}}"}""")) + "]";

        await PushAsync(many, HttpStatusCode.BadRequest);

        Assert.Equal(0, PendingCandidates());
    }

    [Fact]
    public async Task A_viewer_may_not_push()
    {
        var response = await _api.Client(ApiRole.Viewer).PostAsync("/api/v1/intake", Json.Body($$"""[{"text": "{{Story}}"}]"""), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, PendingCandidates());
    }
}

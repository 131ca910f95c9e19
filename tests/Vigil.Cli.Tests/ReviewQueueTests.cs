using System.Text.Json;
using Vigil.TestSupport;

namespace Vigil.Cli.Tests;

public class ReviewQueueTests
{
    [Fact]
    public void Ingest_news_queues_extracted_items_as_pending_candidates_without_touching_incidents()
    {
        using var cli = new Cli();
        Assert.Equal(0, cli.Run("db", "info").ExitCode);
        var before = StoreFingerprint.Of(cli.Db);
        var file = cli.Dir.Write("news.jsonl", """
            {"id": "n1", "published": "2023-03-07", "text": "At least 12 people were killed in Quetta on Monday."}
            {"id": "n2", "published": "2023-02-24", "text": "January 2023 was one of the deadliest months since July 2018, as 134 people lost their lives."}
            """);
        var ingest = cli.Run("ingest-news", file);
        Assert.Equal(0, ingest.ExitCode);
        Assert.Contains("candidates queued for review", ingest.Output, StringComparison.Ordinal);
        Assert.Equal(before, StoreFingerprint.Of(cli.Db));

        var review = cli.Run("review", "list", "--json");
        Assert.Equal(0, review.ExitCode);
        using var doc = JsonDocument.Parse(review.Output);
        var items = doc.RootElement.EnumerateArray().ToList();
        Assert.Contains(items, i => i.GetProperty("kind").GetString() == "report" && i.GetProperty("evidence").GetString() == "At least 12 people were killed");
        Assert.Contains(items, i => i.GetProperty("kind").GetString() == "claim" && i.GetProperty("article_id").GetString() == "n2");
        Assert.All(items, i => Assert.Equal("pending", i.GetProperty("status").GetString()));
    }

    [Fact]
    public void A_rejected_candidate_leaves_the_pending_list_and_is_kept_as_rejected()
    {
        using var cli = new Cli();
        var file = cli.Dir.Write("a.txt", "2023-03-07\nFive people were killed in Bannu yesterday.");
        Assert.Equal(0, cli.Run("ingest-news", file).ExitCode);
        using var pending = JsonDocument.Parse(cli.Run("review", "list", "--json").Output);
        var id = pending.RootElement.EnumerateArray().Single().GetProperty("id").GetInt64();

        Assert.Equal(0, cli.Run("review", "reject", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--by", "amina").ExitCode);
        using var after = JsonDocument.Parse(cli.Run("review", "list", "--json").Output);
        Assert.Empty(after.RootElement.EnumerateArray());
        using var rejected = JsonDocument.Parse(cli.Run("review", "list", "--status", "rejected", "--json").Output);
        var item = rejected.RootElement.EnumerateArray().Single();
        Assert.Equal(("rejected", "amina"), (item.GetProperty("status").GetString(), item.GetProperty("decided_by").GetString()));
        Assert.Equal(4, cli.Run("review", "reject", id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ExitCode);
    }
}

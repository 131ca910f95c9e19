using System.Text.Json;
using System.Text.RegularExpressions;
using Vigil.Domain.Border;
using Vigil.Extraction.Input;
using Vigil.Extraction.Review;
using Vigil.Extraction.Statements;
using Vigil.TestSupport;

namespace Vigil.Extraction.Tests.Statements;

/// <summary>
/// A crossing is found by the name either side gives it (Chaman — Spin Boldak, Angoor Adda — Barmal, Kharlachi —
/// Dand-e-Patan), and a bare Afghan district name is not a crossing.
/// </summary>
public class BorderCrossingNamesTests
{
    private static List<BorderEvent> Events(string text) =>
        ArticleExtractor.Bundled.Extract(new Article("t", text, new DateOnly(2025, 3, 5))).BorderEvents.ToList();

    [Theory]
    [InlineData("Afghan officials said the Dand-e-Patan crossing was closed on Monday after an exchange of fire.", "Kharlachi", BorderEventKind.Closure)]
    [InlineData("Traders said the Barmal crossing reopened on 3 March 2025 after two weeks.", "Angoor Adda", BorderEventKind.Reopening)]
    [InlineData("The Spin Boldak crossing was sealed by the Taliban authorities on Sunday.", "Chaman / Spin Boldak", BorderEventKind.Closure)]
    [InlineData("Pakistan reopened the Kharlachi crossing in Kurram on Tuesday.", "Kharlachi", BorderEventKind.Reopening)]
    public void A_crossing_named_from_either_side_is_the_same_crossing(string text, string crossing, BorderEventKind kind)
    {
        var e = Assert.Single(Events(text));
        Assert.Equal(crossing, e.Crossing.Place.Location);
        Assert.Equal(kind, e.Kind);
    }

    [Theory]
    [InlineData("Fighting closed the roads of Barmal district in Paktika on Monday.")]
    [InlineData("Schools in Dand-e-Patan were closed on Monday.")]
    public void An_Afghan_district_named_alone_is_no_crossing(string text) =>
        Assert.Empty(Events(text));

    [Theory]
    [InlineData("Afghan officials said the Dand-e-Patan crossing was closed on 3 March 2025.", "kharlachi", CrossingStatus.Closed)]
    [InlineData("Traders said the Barmal crossing reopened on 3 March 2025.", "angoor-adda", CrossingStatus.Open)]
    [InlineData("The Spin Boldak crossing was sealed on 3 March 2025.", "chaman", CrossingStatus.Closed)]
    public void Accepted_it_is_a_status_event_of_the_registered_crossing(string text, string key, CrossingStatus status)
    {
        var e = Assert.Single(Events(text));
        var payload = JsonSerializer.Serialize(e, ExtractionJson.Options);

        var statusEvent = BorderEventAcceptance.FromPayload(payload, new CandidateArticle(1, "a", "Pajhwok", null, new DateOnly(2025, 3, 5), null), [], Registry());

        Assert.Equal((key, status, new DateOnly(2025, 3, 3)), (statusEvent.CrossingKey, statusEvent.Status, statusEvent.From));
    }

    /// <summary>The crossings of data/accountability/worked-example.yaml, read by key and names with a plain pattern.</summary>
    private static List<Crossing> Registry()
    {
        var yaml = File.ReadAllText(RepoFiles.Path_("data", "accountability", "worked-example.yaml"));
        var block = yaml[yaml.IndexOf("crossings:", StringComparison.Ordinal)..yaml.IndexOf("status_events:", StringComparison.Ordinal)];
        return [.. Regex.Split(block, @"\n  - ").Skip(1).Select(item =>
        {
            string? Field(string name) => Regex.Match(item, $@"(?m)^\s*{name}: (.+)$") is { Success: true } m ? m.Groups[1].Value.Trim() : null;
            return new Crossing
            {
                Key = Field("key")!, Name = Field("name")!, PakistanName = Field("pakistan_name"), AfghanistanName = Field("afghanistan_name"),
                Latitude = 0, Longitude = 0,
            };
        })];
    }
}

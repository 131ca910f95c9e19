using Vigil.Extraction.Input;
using Vigil.Extraction.Statements;

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
}

using Vigil.Extraction.Incidents;
using Vigil.Extraction.Input;
using Vigil.Extraction.Merging;

namespace Vigil.Extraction.Tests.Merging;

public class ReportMergerTests
{
    private static readonly DateOnly Saturday = new(2023, 3, 4);

    // Five differently worded reports of one attack (a suicide bombing at a mosque in Peshawar on Friday 3 March)
    // and two of another attack the same day in the same district (gunmen on a police checkpost).
    private static readonly (string Id, string Text, DateOnly Published)[] Articles =
    [
        ("a1", "A suicide bomber blew himself up inside a mosque in Peshawar on Friday, killing at least 57 worshippers.", Saturday),
        ("a2", "The death toll from Friday's suicide bombing at a Peshawar mosque rose to 61, hospital officials said.", Saturday),
        ("a3", "Dozens of worshippers were killed when a suicide attacker struck Friday prayers in Peshawar yesterday.", Saturday),
        ("a4", "ISKP claimed the suicide blast that killed 59 people at a Shia mosque in Peshawar on 3 March.", new DateOnly(2023, 3, 5)),
        ("a5", "Peshawar mourned on Saturday after a suicide bombing at a mosque a day earlier; officials said 58 people had died.", Saturday),
        ("b1", "Gunmen attacked a police checkpost on the outskirts of Peshawar on Friday, killing two policemen.", Saturday),
        ("b2", "Two policemen were martyred when armed men opened fire on a checkpoint in Peshawar yesterday.", Saturday),
    ];

    private static List<ExtractedReport> Reports() =>
        [.. Articles.Select(a => ArticleExtractor.Bundled.ExtractReport(new Article(a.Id, a.Text, a.Published)) ?? throw new InvalidOperationException($"no report from {a.Id}"))];

    [Fact]
    public void Five_reports_of_one_attack_and_two_of_another_the_same_day_in_the_same_district_become_two_incidents()
    {
        var clusters = new ReportMerger(new MergeRule()).Cluster(Reports());
        Assert.Equal(2, clusters.Count);
        var ids = clusters.Select(c => string.Join(",", c.Reports.Select(r => r.ArticleId).Order())).Order().ToList();
        Assert.Equal(["a1,a2,a3,a4,a5", "b1,b2"], ids);
        var mosque = clusters.Single(c => c.Reports.Count == 5);
        Assert.Equal(58, mosque.Killed.Best);
        Assert.Equal("merge:median-of-reports", mosque.Killed.Rule);
        Assert.Equal(2, clusters.Single(c => c.Reports.Count == 2).Killed.Best);
    }

    [Fact]
    public void Blocking_compares_only_reports_in_the_same_district_and_date_window()
    {
        var rule = new CountingRule();
        var reports = Reports();
        var far = reports.Select(r => r with { ArticleId = r.ArticleId + "-later", Date = r.Date! with { Value = Domain.Incidents.IncidentDate.OnDay(new DateOnly(2023, 6, 1)) } });
        new ReportMerger(rule).Cluster(reports.Concat(far));
        // Without blocking, 14 reports give 91 pairs; with it, each date group of 7 is compared only within itself.
        Assert.True(rule.Comparisons <= 2 * 21, $"{rule.Comparisons} comparisons");
    }

    private sealed class CountingRule : MergeRule
    {
        public int Comparisons { get; private set; }

        public override (bool Same, string Why) Compare(ExtractedReport a, ExtractedReport b)
        {
            Comparisons++;
            return base.Compare(a, b);
        }
    }
}

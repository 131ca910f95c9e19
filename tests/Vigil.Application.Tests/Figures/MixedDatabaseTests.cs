using System.Text.Json.Nodes;
using Vigil.Application.Claims;
using Vigil.Application.Links;
using Vigil.Application.Reference;
using Vigil.Application.Reports;
using Vigil.Application.Scopes;
using Vigil.Domain.Claims;
using Vigil.Domain.Time;
using Vigil.Ingestion;
using Vigil.Ingestion.Normalization;
using Vigil.Statistics;
using Vigil.Storage;
using Vigil.Storage.Backends;
using Vigil.TestSupport;

namespace Vigil.Application.Tests.Figures;

/// <summary>
/// One database as an analyst builds it: the real UCDP GED Pakistan file and both Pakistan Body Count files, with the
/// PBC records linked to UCDP's where they are one event; and, beside it, one database per dataset holding that
/// dataset alone. Built once for the class (the imports take a few seconds).
/// </summary>
public sealed class MixedDatabaseFixture : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly Dictionary<string, string> _single = [];

    public MixedDatabaseFixture()
    {
        Files = new Dictionary<string, string>
        {
            ["ucdp-ged"] = SharedData.UcdpRaw,
            ["pbc-suicide"] = SharedData.PbcSuicide,
            ["pbc-drone"] = SharedData.PbcDrone,
        };
        Mixed = _dir.File("mixed.db");
        using (var db = Open(Mixed))
        {
            var importer = new Importer(db.Incidents, IncidentNormalizer.Bundled());
            foreach (var file in Files.Values)
                importer.Import(file, new ImportOptions { Author = "test" });
            var linking = new DatasetLinking(db, Clock);
            linking.Link(new DatasetLinkRequest("ucdp-ged", "pbc-suicide", 1, "tester"));
            linking.Link(new DatasetLinkRequest("ucdp-ged", "pbc-drone", 1, "tester"));
        }
        foreach (var (name, file) in Files)
        {
            var path = _dir.File(name + ".db");
            using var db = Open(path);
            new Importer(db.Incidents, IncidentNormalizer.Bundled()).Import(file, new ImportOptions { Author = "test" });
            _single[name] = path;
        }
    }

    public TestClock Clock { get; } = new();

    /// <summary>The raw file of each dataset.</summary>
    public IReadOnlyDictionary<string, string> Files { get; }

    public string Mixed { get; }

    public IVigilDatabase OpenMixed() => Open(Mixed);

    public IVigilDatabase OpenSingle(string dataset) => Open(_single[dataset]);

    private IVigilDatabase Open(string path) => DatabaseLocation.Parse("sqlite:" + path).Open(Clock);

    public void Dispose() => _dir.Dispose();
}

/// <summary>
/// Issue 14's must-shows on real data: a combined scope counts each real event once; a claim scoped to one dataset
/// gets the verdict and numbers it gets on a database holding that dataset alone; coverage ends where the data end.
/// </summary>
public sealed class MixedDatabaseTests(MixedDatabaseFixture data) : IClassFixture<MixedDatabaseFixture>
{
    private static readonly string[] All = ["ucdp-ged", "pbc-suicide", "pbc-drone"];

    [Fact]
    public void A_combined_scope_lists_the_Army_Public_School_attack_once_among_December_2014s_deadliest()
    {
        using var db = data.OpenMixed();
        var built = new MonthlyReports(db, ReferenceData.Bundled, data.Clock).Build(new MonthlyReportRequest
        {
            Month = "2014-12",
            Datasets = All,
            WithAccountability = false,
        });

        var aps = built.Report.Notable.Where(n => n.Date == "2014-12-16" && n.Place.Contains("Peshawar", StringComparison.Ordinal)).ToList();
        Assert.Single(aps);
        Assert.Equal("UCDP GED + PBC suicide attacks + PBC drone strikes, linked", built.Scope.Label);

        // Each dataset alone holds the attack: PBC and UCDP each record it, so adding them would count it twice.
        foreach (var dataset in new[] { "ucdp-ged", "pbc-suicide" })
        {
            var alone = new MonthlyReports(db, ReferenceData.Bundled, data.Clock).Build(new MonthlyReportRequest
            {
                Month = "2014-12",
                Datasets = [dataset],
                WithAccountability = false,
            });
            Assert.Single(alone.Report.Notable, n => n.Date == "2014-12-16" && n.Place.Contains("Peshawar", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void December_2014s_combined_figures_equal_a_count_over_the_linked_groups()
    {
        using var db = data.OpenMixed();
        var month = Period.Parse("2014-12");

        // Independently: every record of the month in each dataset, read one dataset at a time; a record counts unless
        // a record of a dataset earlier in the scope's order is linked to it (the group then counts through that one).
        long incidents = 0, killed = 0;
        for (var rank = 0; rank < All.Length; rank++)
        {
            var records = db.Incidents.Query(IncidentQuery.All with { Datasets = [All[rank]], From = month.Start, To = month.End });
            foreach (var record in records)
            {
                var shadowed = db.Links.LinkedWith(record.Id).Any(link =>
                {
                    var other = link.OtherThan(record.Id);
                    var otherDataset = link.IncidentA == other ? link.DatasetA : link.DatasetB;
                    return Array.IndexOf(All, otherDataset) < rank && db.Incidents.Find(other) is not null;
                });
                if (shadowed)
                    continue;
                incidents++;
                killed += record.Killed.Best ?? 0;
            }
        }

        var report = new MonthlyReports(db, ReferenceData.Bundled, data.Clock).Build(new MonthlyReportRequest
        {
            Month = "2014-12",
            Datasets = All,
            WithAccountability = false,
        }).Report;
        Assert.Equal(incidents, report.Headlines[0].Value);
        Assert.Equal(killed, report.Headlines[1].Value);
        var added = All.Sum(d => db.Incidents.Count(IncidentQuery.All with { Datasets = [d], From = month.Start, To = month.End }));
        Assert.True(added > incidents, $"the datasets added together ({added}) should count linked events more than once ({incidents})");
    }

    public static TheoryData<string, string, string> Claims()
    {
        var claims = new TheoryData<string, string, string>();
        string[] periods = ["2014-06", "2009-10", "2013", "2016-Q2", "2017", "2018", "2012-11"];
        foreach (var dataset in All)
        {
            foreach (var period in periods)
            {
                claims.Add(dataset, period, "attacks");
                claims.Add(dataset, period, "killed");
                claims.Add(dataset, period, "injured");
            }
        }
        return claims;
    }

    [Theory]
    [MemberData(nameof(Claims))]
    public void A_claim_scoped_to_one_dataset_gets_the_verdict_it_gets_on_that_dataset_alone(string dataset, string period, string metric)
    {
        var claims = new[]
        {
            new Claim { Metric = Parse(metric), Period = Period.Parse(period), Value = 100, Scope = new ClaimScope { Datasets = [dataset] } },
            new Claim { Metric = Parse(metric), Period = Period.Parse(period), Value = 40, Qualifier = ValueQualifier.AtLeast, Comparison = new ChangeComparison(25), Scope = new ClaimScope { Datasets = [dataset] } },
            new Claim { Metric = Parse(metric), Period = Period.Parse(period), Comparison = new RecordComparison(Period.Parse(period).Shift(-3)), Scope = new ClaimScope { Datasets = [dataset] } },
            new Claim { Metric = Parse(metric), Period = Period.Parse(period), Comparison = new AllTimeRecordComparison(), Scope = new ClaimScope { Datasets = [dataset], Province = "Khyber Pakhtunkhwa" } },
        };
        using var mixed = data.OpenMixed();
        using var single = data.OpenSingle(dataset);
        foreach (var claim in claims)
        {
            var inMixed = new ClaimChecks(mixed, ReferenceData.Bundled).Check(claim);
            var alone = new ClaimChecks(single, ReferenceData.Bundled).Check(claim);

            Assert.Equal(alone.Verdict, inMixed.Verdict);
            Assert.Equal(Parts(alone), Parts(inMixed));
            Assert.Equal(alone.IncidentIds.Count, inMixed.IncidentIds.Count);
            Assert.Equal([dataset], inMixed.Scope!.Datasets);
        }
    }

    [Fact]
    public void The_readmes_showcase_claim_scoped_to_UCDP_gives_UCDPs_own_671_and_is_contradicted()
    {
        using var db = data.OpenMixed();
        var claim = new Claim
        {
            Metric = ClaimMetric.Killed,
            Period = Period.Parse("2014-06"),
            Value = 753,
            Comparison = new ChangeComparison(320),
            Scope = new ClaimScope { Datasets = ["ucdp-ged"] },
        };
        var killed = CsvRows.Read(data.Files["ucdp-ged"]).Where(r => r["date_start"].StartsWith("2014-06", StringComparison.Ordinal)).Sum(r => long.Parse(r["best"], System.Globalization.CultureInfo.InvariantCulture));

        var check = new ClaimChecks(db, ReferenceData.Bundled).Check(claim);

        Assert.Equal(671, killed);
        Assert.Equal(Verdict.Contradicted, check.Verdict);
        Assert.Equal(killed, check.Parts[0].Computed);
        Assert.Equal("UCDP GED", check.Scope!.Label);
    }

    [Fact]
    public void PBC_suicide_attacks_make_2017_partial_and_2018_no_data_never_minus_100_percent()
    {
        using var db = data.OpenMixed();
        var scope = new ScopeParser(ReferenceData.Bundled).Resolve(new ScopeInput { Datasets = ["pbc-suicide"], To = "2019" }, db.Datasets);
        var lastDay = CsvRows.Read(data.Files["pbc-suicide"]).Select(r => PbcDate(r["Date"])).Max();

        var series = SeriesBuilder.Build(db.Incidents, new SeriesRequest(scope.Query, PeriodUnit.Year, Coverage: scope.Coverage));

        Assert.Equal(new DateOnly(2017, 10, 5), lastDay);
        Assert.Equal(CoverageState.Full, series.State(Period.Parse("2016")));
        Assert.Equal(CoverageState.Partial, series.State(Period.Parse("2017")));
        Assert.Equal(CoverageState.None, series.State(Period.Parse("2018")));
        Assert.Equal((null, "no data"), series.Shown(Period.Parse("2018"), ClaimMetric.Attacks));
        var comparable = series.Comparable(ClaimMetric.Attacks).ToDictionary(p => p.Period.Label, p => p.Value);
        Assert.Null(comparable["2017"]);
        Assert.Null(comparable["2018"]);
        var change = new ClaimChecks(db, ReferenceData.Bundled).Check(new Claim
        {
            Metric = ClaimMetric.Attacks,
            Period = Period.Parse("2018"),
            Comparison = new ChangeComparison(-100),
            Scope = new ClaimScope { Datasets = ["pbc-suicide"] },
        });
        Assert.Equal(Verdict.NotCheckable, change.Verdict);
        Assert.Contains("no data", change.Parts[0].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Attacks_are_militant_attacks_where_the_datasets_tell_them_apart_and_every_event_said_where_they_do_not()
    {
        using var db = data.OpenMixed();
        var checks = new ClaimChecks(db, ReferenceData.Bundled);
        // 2010: a year both PBC files cover; the drone strikes are security operations, the suicide attacks militant attacks.
        // Both files end a date with its year ("Sunday-November 19-1995", "Friday, June 18, 2004").
        var pbc = CsvRows.Read(data.Files["pbc-suicide"]).Count(r => r["Date"].TrimEnd().EndsWith("2010", StringComparison.Ordinal));
        var drones = CsvRows.Read(data.Files["pbc-drone"]).Count(r => r["Date"].TrimEnd().EndsWith("2010", StringComparison.Ordinal));
        Claim Attacks(params string[] datasets) => new() { Metric = ClaimMetric.Attacks, Period = Period.Parse("2010"), Value = 1, Scope = new ClaimScope { Datasets = datasets } };

        var told = checks.Check(Attacks("pbc-suicide", "pbc-drone"));
        var blind = checks.Check(Attacks("ucdp-ged"));
        var ucdp2010 = CsvRows.Read(data.Files["ucdp-ged"]).Count(r => r["date_start"].StartsWith("2010", StringComparison.Ordinal));

        Assert.True(pbc > 0 && drones > 0, $"{pbc} suicide attacks, {drones} drone strikes in 2010");
        Assert.Equal(pbc, told.Parts[0].Computed);
        Assert.Contains(told.Scope!.Notes, n => n.StartsWith("attacks: militant attacks", StringComparison.Ordinal));
        Assert.Equal(ucdp2010, blind.Parts[0].Computed);
        Assert.Contains(blind.Scope!.Notes, n => n == "attacks: every event, because UCDP GED does not tell militant attacks from clashes and operations");
    }

    private static ClaimMetric Parse(string metric) => Domain.Text.EnumText<ClaimMetric>.Parse(metric);

    /// <summary>Every part of a check as JSON: what, verdict, claimed, computed (and its range), difference, tolerance, explanation.</summary>
    private static string Parts(ClaimCheck check) => new JsonArray([.. ClaimCheckJson.ToJson(check)["parts"]!.AsArray().Select(p => p!.DeepClone())]).ToJsonString();

    /// <summary>PBC's dates: "Sunday-November 19-1995".</summary>
    private static DateOnly PbcDate(string text)
    {
        var parts = text.Split('-', 2)[1].Replace("  ", " ", StringComparison.Ordinal).Trim();
        return DateOnly.ParseExact(parts, ["MMMM d-yyyy", "MMMM dd-yyyy", "MMM d-yyyy", "MMM dd-yyyy"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AllowWhiteSpaces);
    }
}

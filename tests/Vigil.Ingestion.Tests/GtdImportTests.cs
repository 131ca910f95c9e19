using System.Globalization;
using Vigil.Domain.Incidents;
using Vigil.Ingestion.Tests.Support;
using Vigil.Storage;

namespace Vigil.Ingestion.Tests;

/// <summary>The Global Terrorism Database, through invented rows in its codebook columns (Fixtures/README.md).</summary>
public class GtdImportTests
{
    private static readonly string Sample = TestFiles.Fixture("gtd-pakistan-sample.csv");

    private static IReadOnlyList<CsvRecord> Rows => CsvTable.Utf8(Sample).Rows;

    private static Dictionary<string, Incident> ImportSample(TestDatabase db)
    {
        db.Import(Sample);
        return db.Store.Query(IncidentQuery.All, includeSources: true).ToDictionary(i => i.SourceRecord!.RecordId);
    }

    [Fact]
    public void Importing_GTD_creates_one_incident_per_event()
    {
        using var db = new TestDatabase();

        var result = db.Import(Sample);

        Assert.Equal("gtd", result.Format);
        Assert.Equal(Rows.Count, result.Summary.Created);
        Assert.Equal(Rows.Select(r => r["eventid"]).Order(StringComparer.Ordinal),
            db.Store.Query(IncidentQuery.All).Select(i => i.SourceRecord!.RecordId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_GTD_event_with_day_0_spans_its_month_at_month_precision()
    {
        var row = Assert.Single(Rows, r => r["iday"] == "0" && r["imonth"] != "0");
        var (year, month) = (int.Parse(row["iyear"], CultureInfo.InvariantCulture), int.Parse(row["imonth"], CultureInfo.InvariantCulture));
        using var db = new TestDatabase();

        var incident = ImportSample(db)[row["eventid"]];

        Assert.Equal(DatePrecision.Month, incident.Date.Precision);
        Assert.Equal(new DateOnly(year, month, 1), incident.Date.Start);
        Assert.Equal(new DateOnly(year, month, DateTime.DaysInMonth(year, month)), incident.Date.End);
    }

    [Fact]
    public void A_GTD_event_with_month_0_spans_its_year_at_year_precision()
    {
        var row = Assert.Single(Rows, r => r["imonth"] == "0");
        var year = int.Parse(row["iyear"], CultureInfo.InvariantCulture);
        using var db = new TestDatabase();

        var incident = ImportSample(db)[row["eventid"]];

        Assert.Equal(new IncidentDate(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), DatePrecision.Year), incident.Date);
    }

    [Fact]
    public void An_extended_GTD_event_runs_to_its_resolution_date()
    {
        var row = Assert.Single(Rows, r => r["extended"] == "1");
        using var db = new TestDatabase();

        var incident = ImportSample(db)[row["eventid"]];

        Assert.Equal(new DateOnly(int.Parse(row["iyear"], CultureInfo.InvariantCulture), int.Parse(row["imonth"], CultureInfo.InvariantCulture), int.Parse(row["iday"], CultureInfo.InvariantCulture)), incident.Date.Start);
        Assert.Equal(DateOnly.ParseExact(row["resolution"], "yyyy-MM-dd", CultureInfo.InvariantCulture), incident.Date.End);
    }

    [Fact]
    public void A_blank_GTD_nkill_is_unknown_not_zero()
    {
        var blank = Assert.Single(Rows, r => r.Text("nkill") is null);
        var zero = Assert.Single(Rows, r => r.Text("nkill") == "0");
        using var db = new TestDatabase();

        var byId = ImportSample(db);

        Assert.True(byId[blank["eventid"]].Killed.IsUnknown);
        Assert.True(byId[blank["eventid"]].Injured.IsUnknown);
        Assert.Equal((0, 0, 0), (byId[zero["eventid"]].Killed.Low, byId[zero["eventid"]].Killed.Best, byId[zero["eventid"]].Killed.High));
    }

    [Fact]
    public void GTD_nkill_counts_the_perpetrators_and_nkillter_is_kept_as_the_militants_among_the_dead()
    {
        var withPerpetrators = Rows.Where(r => r.Int("nkillter") > 0).ToList();
        using var db = new TestDatabase();

        var byId = ImportSample(db);

        Assert.NotEmpty(withPerpetrators);
        foreach (var row in withPerpetrators)
        {
            var incident = byId[row["eventid"]];
            Assert.Equal(row.Int("nkill"), incident.Killed.Best);
            Assert.Equal(row.Int("nkillter"), incident.KilledBreakdown?.Militants);
            Assert.Equal(row.Int("nwound"), incident.Injured.Best);
        }
        Assert.All(byId.Values, i => Assert.True(i.PerpetratorsIncluded));
    }

    [Fact]
    public void GTD_claimed_1_is_a_claimed_attribution_and_an_unclaimed_named_group_is_suspected()
    {
        using var db = new TestDatabase();

        var byId = ImportSample(db);

        foreach (var row in Rows)
        {
            var expected = row["gname"] == "Unknown" ? AttributionCertainty.Unknown
                : row["claimed"] == "1" ? AttributionCertainty.Claimed
                : AttributionCertainty.Suspected;
            Assert.Equal(expected, byId[row["eventid"]].Attribution);
        }
        Assert.Contains(byId.Values, i => i.Attribution == AttributionCertainty.Claimed);
        Assert.Contains(byId.Values, i => i.Attribution == AttributionCertainty.Suspected);
    }

    [Fact]
    public void GTD_doubtterr_1_flags_the_incident_as_doubtful()
    {
        var doubtful = Rows.Where(r => r["doubtterr"] == "1").Select(r => r["eventid"]).ToHashSet();
        using var db = new TestDatabase();

        var byId = ImportSample(db);

        Assert.NotEmpty(doubtful);
        Assert.All(byId, p => Assert.Equal(doubtful.Contains(p.Key), p.Value.Flags.HasFlag(QualityFlags.Doubtful)));
    }

    [Fact]
    public void GTD_group_names_resolve_through_the_alias_table()
    {
        using var db = new TestDatabase();

        var byId = ImportSample(db);

        var ttp = Rows.Where(r => r["gname"] == "Tehrik-i-Taliban Pakistan (TTP)").Select(r => r["eventid"]).ToList();
        var blf = Rows.Where(r => r["gname"] == "Baloch Liberation Front (BLF)").Select(r => r["eventid"]).ToList();
        Assert.NotEmpty(ttp);
        Assert.NotEmpty(blf);
        Assert.All(ttp, id => Assert.Equal("TTP", byId[id].Perpetrator?.Name));
        Assert.All(blf, id => Assert.Equal("BLF", byId[id].Perpetrator?.Name));
    }

    [Fact]
    public void A_GTD_suicide_bombing_is_a_suicide_bombing_and_its_citations_are_its_sources()
    {
        var row = Assert.Single(Rows, r => r["suicide"] == "1");
        using var db = new TestDatabase();

        var incident = ImportSample(db)[row["eventid"]];

        Assert.Equal(EventType.SuicideBombing, incident.EventType);
        Assert.Equal(
            new[] { row["scite1"], row["scite2"], row["scite3"] }.Where(s => s.Length > 0),
            incident.Sources.Select(s => s.Headline!));
    }
}

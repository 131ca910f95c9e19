using Vigil.Domain.Incidents;
using Vigil.Domain.Text;
using Vigil.Ingestion.Tests.Support;
using Vigil.Storage;

namespace Vigil.Ingestion.Tests;

/// <summary>ACLED's export, through invented rows in its exact 31-column layout (Fixtures/README.md).</summary>
public class AcledImportTests
{
    private static readonly string Sample = TestFiles.Fixture("acled-pakistan-sample.csv");

    [Fact]
    public void The_ACLED_fixture_has_ACLED_s_31_columns()
    {
        Assert.Equal(
            "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp",
            string.Join(',', CsvTable.Utf8(Sample).Header));
        Assert.All(CsvTable.Utf8(Sample).Rows, r => Assert.Equal(31, r.Fields.Count));
    }

    [Fact]
    public void Importing_ACLED_creates_one_incident_per_event()
    {
        var rows = CsvTable.Utf8(Sample).Rows;
        using var db = new TestDatabase();

        var result = db.Import(Sample);

        Assert.Equal("acled", result.Format);
        Assert.Equal(rows.Count, result.Summary.Created);
        Assert.Equal(
            rows.Select(r => r["event_id_cnty"]).Order(StringComparer.Ordinal),
            db.Store.Query(IncidentQuery.All).Select(i => i.SourceRecord!.RecordId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ACLED_zero_fatalities_are_kept_as_unknown_and_flagged_ambiguous()
    {
        var zero = CsvTable.Utf8(Sample).Rows.Where(r => r.Int("fatalities") == 0).Select(r => r["event_id_cnty"]).ToHashSet();
        using var db = new TestDatabase();

        db.Import(Sample);
        var incidents = db.Store.Query(IncidentQuery.All).Where(i => zero.Contains(i.SourceRecord!.RecordId)).ToList();

        Assert.NotEmpty(zero);
        Assert.Equal(zero.Count, incidents.Count);
        Assert.All(incidents, i =>
        {
            Assert.True(i.Killed.IsUnknown, $"{i.SourceRecord}: {i.Killed}");
            Assert.Equal("0", i.Killed.Phrase);
            Assert.True(i.Flags.HasFlag(QualityFlags.AmbiguousZero));
        });
    }

    [Fact]
    public void ACLED_positive_fatalities_are_an_exact_count_without_the_ambiguity_flag()
    {
        var positive = CsvTable.Utf8(Sample).Rows.Where(r => r.Int("fatalities") > 0).ToDictionary(r => r["event_id_cnty"], r => r.Int("fatalities"));
        using var db = new TestDatabase();

        db.Import(Sample);
        var incidents = db.Store.Query(IncidentQuery.All).Where(i => positive.ContainsKey(i.SourceRecord!.RecordId)).ToList();

        Assert.NotEmpty(positive);
        Assert.Equal(positive.Count, incidents.Count);
        Assert.All(incidents, i =>
        {
            var n = positive[i.SourceRecord!.RecordId];
            Assert.Equal((n, n, n), (i.Killed.Low, i.Killed.Best, i.Killed.High));
            Assert.False(i.Flags.HasFlag(QualityFlags.AmbiguousZero));
            Assert.True(i.PerpetratorsIncluded);
        });
    }

    [Fact]
    public void ACLED_records_no_injuries_so_every_injury_count_is_unknown()
    {
        using var db = new TestDatabase();

        db.Import(Sample);

        Assert.All(db.Store.Query(IncidentQuery.All), i => Assert.True(i.Injured.IsUnknown, $"{i.SourceRecord}: {i.Injured}"));
    }

    [Theory]
    [InlineData("Suicide bomb", "suicide-bombing")]
    [InlineData("Air/drone strike", "air-or-drone-strike")]
    [InlineData("Armed clash", "armed-clash")]
    [InlineData("Remote explosive/landmine/IED", "bombing")]
    [InlineData("Grenade", "bombing")]
    [InlineData("Attack", "armed-assault")]
    [InlineData("Abduction/forced disappearance", "kidnapping")]
    [InlineData("Shelling/artillery/missile attack", "shelling-or-artillery")]
    public void ACLED_sub_event_types_map_onto_Vigil_event_types(string subEventType, string eventType)
    {
        var row = Assert.Single(CsvTable.Utf8(Sample).Rows, r => r["sub_event_type"] == subEventType);
        using var db = new TestDatabase();

        db.Import(Sample);
        var incident = db.Store.Query(IncidentQuery.All).Single(i => i.SourceRecord!.RecordId == row["event_id_cnty"]);

        Assert.Equal(eventType, EnumText<EventType>.Format(incident.EventType));
        Assert.Equal(subEventType, incident.EventSubtype);
        Assert.Equal($"acled:{row["event_type"]}/{subEventType}", incident.SourceEventType);
    }

    [Fact]
    public void ACLED_s_TTP_actor_name_resolves_to_the_TTP_and_keeps_ACLED_s_wording()
    {
        const string acledName = "TTP: Tehreek-i-Taliban Pakistan";
        var rows = CsvTable.Utf8(Sample).Rows;
        var asActor1 = rows.Where(r => r["actor1"] == acledName).Select(r => r["event_id_cnty"]).ToHashSet();
        var asActor2 = rows.Where(r => r["actor2"] == acledName).Select(r => r["event_id_cnty"]).ToHashSet();
        using var db = new TestDatabase();

        db.Import(Sample);
        var byId = db.Store.Query(IncidentQuery.All).ToDictionary(i => i.SourceRecord!.RecordId);

        Assert.NotEmpty(asActor1);
        Assert.NotEmpty(asActor2);
        // Actor 1 attacks (perpetrator) or, in a battle, is the group's side; actor 2 is attacked (target) or a side.
        var ttp = new ActorRef("TTP", acledName);
        Assert.All(asActor1, id => Assert.Contains(ttp, new[] { byId[id].Perpetrator, byId[id].ArmedGroup }));
        Assert.All(asActor2, id => Assert.Contains(ttp, new[] { byId[id].Target, byId[id].ArmedGroup, byId[id].OtherParty }));
    }

    [Fact]
    public void ACLED_dates_in_either_style_and_their_precision_are_read()
    {
        using var db = new TestDatabase();

        db.Import(Sample);
        var byId = db.Store.Query(IncidentQuery.All).ToDictionary(i => i.SourceRecord!.RecordId);

        var written = Assert.Single(CsvTable.Utf8(Sample).Rows, r => r["event_date"] == "14 December 2022");
        Assert.Equal(IncidentDate.OnDay(new DateOnly(2022, 12, 14)), byId[written["event_id_cnty"]].Date);
        var week = Assert.Single(CsvTable.Utf8(Sample).Rows, r => r["time_precision"] == "2");
        Assert.Equal(DatePrecision.Week, byId[week["event_id_cnty"]].Date.Precision);
        Assert.Equal(DateOnly.ParseExact(week["event_date"], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), byId[week["event_id_cnty"]].Date.Start);
    }
}

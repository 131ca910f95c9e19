using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;

namespace Vigil.Domain.Tests;

public class IncidentFieldsTests
{
    private static readonly Incident Sample = new()
    {
        Id = 7,
        Revision = 2,
        SourceRecord = new SourceRecordKey("ucdp-ged", "59553"),
        Date = new IncidentDate(new(2014, 6, 8), new(2014, 6, 9), DatePrecision.Day),
        Place = new Place { Country = "Pakistan", Admin1 = "Sindh", Admin1Raw = "Sindh province", Latitude = 24.9, Longitude = 67.1, GeoPrecision = GeoPrecision.Exact },
        EventType = EventType.ArmedAssault,
        Perpetrator = new ActorRef("TTP", "Tehrik-i-Taliban Pakistan"),
        Killed = new CasualtyCount(36, 36, 40, "at least 36", "test"),
        Injured = CasualtyCount.Unknown,
        KilledBreakdown = new CasualtyBreakdown(11, 15, 10, null),
        PerpetratorsIncluded = true,
        Sources = [new SourceReference("Dawn", new DateOnly(2014, 6, 9), "Karachi airport attacked", "https://example.org/a")],
        Notes = "=HYPERLINK(\"http://evil\")",
        Flags = QualityFlags.KilledLowAboveBest | QualityFlags.Doubtful,
    };

    [Fact]
    public void The_text_form_parses_back_to_the_same_incident()
    {
        var values = IncidentFields.All.ToDictionary(f => f.Name, f => f.Get(Sample));

        var parsed = IncidentFieldParser.Parse(n => values.GetValueOrDefault(n));

        Assert.Empty(IncidentFields.Diff(Sample, parsed));
        Assert.Equal(Sample.Id, parsed.Id);
        Assert.Equal(Sample.Sources, parsed.Sources);
    }

    [Fact]
    public void Diff_lists_each_changed_field_with_before_and_after()
    {
        var changed = Sample with { Killed = Sample.Killed with { Best = 38 }, Notes = null, Revision = 3 };

        var diff = IncidentFields.Diff(Sample, changed);

        Assert.Equal(2, diff.Count);
        Assert.Contains(diff, c => c is { Field: "killed_best", Before: "36", After: "38" });
        Assert.Contains(diff, c => c.Field == "notes" && c.After is null);
    }

    [Theory]
    [InlineData("killed_best", "abc", "not a whole number")]
    [InlineData("killed_best", "-3", "negative")]
    [InlineData("latitude", "95", "outside -90..90")]
    [InlineData("date_start", "0025-01-01", "outside")]
    [InlineData("event_type", "riot", "is not one of")]
    public void A_bad_value_names_its_field(string field, string value, string problem)
    {
        var values = IncidentFields.All.ToDictionary(f => f.Name, f => f.Get(Sample));
        values[field] = value;

        var e = Assert.Throws<FieldException>(() => IncidentFieldParser.Parse(n => values.GetValueOrDefault(n)));

        Assert.Equal(field, e.Field);
        Assert.Contains(problem, e.Problem, StringComparison.Ordinal);
    }
}

using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;

namespace Vigil.Domain.Tests;

/// <summary>
/// The one text→incident translator (<see cref="IncidentEdits"/>): only the named fields change, blank is
/// "not known", and every refusal names its field in the words an import of Vigil's own file uses.
/// </summary>
public class IncidentEditsTests
{
    private static readonly Incident Current = new()
    {
        Id = 3,
        Revision = 1,
        Date = IncidentDate.OnDay(new DateOnly(2023, 1, 30)),
        Place = new Place { Country = "Pakistan", Admin1 = "Khyber Pakhtunkhwa", Admin1Raw = "KPK", Admin2 = "Peshawar", Admin2Raw = "Peshawar", Latitude = 34.0, Longitude = 71.5, GeoPrecision = GeoPrecision.Exact, GeoPrecisionRaw = "1" },
        EventType = EventType.SuicideBombing,
        TargetType = TargetType.SecurityForces,
        TargetTypeRaw = "Police",
        Killed = new CasualtyCount(84, 84, 101, "at least 84", "phrase-floor"),
        Injured = new CasualtyCount(null, 220, null, "over 220", "phrase"),
        Notes = "mosque in Police Lines",
    };

    private static Dictionary<string, string?> Values(params (string Field, string? Text)[] values) =>
        values.ToDictionary(v => v.Field, v => v.Text, StringComparer.Ordinal);

    [Fact]
    public void Fields_not_named_stay_as_they_were()
    {
        var edited = IncidentEdits.Apply(Current, Values(("notes", "revised")));

        Assert.Equal("revised", edited.Notes);
        Assert.Equal(Current with { Notes = "revised" }, edited);
    }

    [Fact]
    public void Blank_text_means_not_known_never_zero()
    {
        var edited = IncidentEdits.Apply(Current, Values(("injured_best", "  "), ("notes", "")));

        Assert.Null(edited.Injured.Best);
        Assert.Null(edited.Notes);
    }

    [Fact]
    public void Typed_figures_take_the_hand_rule_unless_a_rule_is_named()
    {
        var typed = IncidentEdits.Apply(Current, Values(("killed_best", "100")));
        var named = IncidentEdits.Apply(Current, Values(("killed_best", "100"), ("killed_rule", "ispr")));
        var phraseOnly = IncidentEdits.Apply(Current, Values(("killed_phrase", "more than 80")));

        Assert.Equal(new CasualtyCount(84, 100, 101, "at least 84", IncidentEdits.HandRule), typed.Killed);
        Assert.Equal("ispr", named.Killed.Rule);
        Assert.Equal(Current.Killed with { Phrase = "more than 80" }, phraseOnly.Killed);
    }

    [Fact]
    public void A_single_day_moves_whole_and_a_span_keeps_its_end()
    {
        var moved = IncidentEdits.Apply(Current, Values(("date_start", "2023-01-29")));
        var span = Current with { Date = new IncidentDate(new(2023, 1, 28), new(2023, 1, 31), DatePrecision.Day) };
        var shortened = IncidentEdits.Apply(span, Values(("date_start", "2023-01-29")));

        Assert.Equal(IncidentDate.OnDay(new DateOnly(2023, 1, 29)), moved.Date);
        Assert.Equal(new IncidentDate(new(2023, 1, 29), new(2023, 1, 31), DatePrecision.Day), shortened.Date);
    }

    [Fact]
    public void A_hand_placed_point_or_target_type_drops_the_source_code_for_it()
    {
        var point = IncidentEdits.Apply(Current, Values(("latitude", "34.01")));
        var town = IncidentEdits.Apply(Current, Values(("location", "Police Lines")));
        var target = IncidentEdits.Apply(Current, Values(("target_type", "civilians")));

        Assert.Null(point.Place.GeoPrecisionRaw);
        Assert.Equal("1", town.Place.GeoPrecisionRaw);
        Assert.Equal((TargetType.Civilians, (string?)null), (target.TargetType, target.TargetTypeRaw));
    }

    [Fact]
    public void Places_and_actors_are_taken_as_typed_for_the_normaliser()
    {
        var edited = IncidentEdits.Apply(Current, Values(("admin2", "Khyber agency"), ("perpetrator", " TTP ")));

        Assert.Equal("Khyber agency", edited.Place.Admin2Raw);
        Assert.Equal(new ActorRef(null, "TTP"), edited.Perpetrator);
    }

    [Fact]
    public void An_unknown_field_is_refused_with_the_fields_there_are()
    {
        var e = Assert.Throws<FieldException>(() => IncidentEdits.Apply(Current, Values(("provnce", "Sindh"))));

        Assert.Equal("provnce", e.Field);
        Assert.Contains("admin1", e.Problem, StringComparison.Ordinal);
    }

    /// <summary>
    /// The class of bad value, through the translator and through an import of Vigil's own file: the same field
    /// is named with the same words, because both read values through <see cref="FieldValues"/>.
    /// </summary>
    [Theory]
    [InlineData("killed_best", "a dozen")]
    [InlineData("killed_best", "-3")]
    [InlineData("killed_best", "99999999999")]
    [InlineData("injured_low", "2.5")]
    [InlineData("latitude", "north")]
    [InlineData("latitude", "95")]
    [InlineData("date_start", "30/01/2023")]
    [InlineData("date_start", "0025-01-01")]
    [InlineData("event_type", "riot")]
    [InlineData("geo_precision", "rough")]
    [InlineData("attribution", "sure")]
    [InlineData("perpetrators_included", "maybe")]
    public void A_bad_value_is_refused_alike_by_an_edit_and_an_import(string field, string text)
    {
        var edit = Assert.Throws<FieldException>(() => IncidentEdits.Apply(Current, Values((field, text))));
        var row = IncidentFields.All.ToDictionary(f => f.Name, f => f.Get(Current));
        row[field] = text;
        var import = Assert.Throws<FieldException>(() => IncidentFieldParser.Parse(n => row.GetValueOrDefault(n) is { Length: > 0 } v ? v : null));

        Assert.Equal(field, edit.Field);
        Assert.Equal((import.Field, import.Problem), (edit.Field, edit.Problem));
    }

    [Theory]
    [InlineData(null, "2023-13-01", null, "source_published", "source 2: '2023-13-01' is not a date in the form YYYY-MM-DD")]
    [InlineData("Dawn", null, "javascript:alert(1)", "source_url", "source 2: 'javascript:alert(1)' is not a web address (http:// or https://)")]
    public void A_bad_source_names_which_source(string? name, string? published, string? url, string field, string problem)
    {
        var e = Assert.Throws<FieldException>(() => IncidentEdits.Source(2, name, published, null, url));

        Assert.Equal((field, problem), (e.Field, e.Problem));
    }
}

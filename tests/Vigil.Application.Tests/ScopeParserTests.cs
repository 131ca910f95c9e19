using Vigil.Application.Reference;
using Vigil.Application.Scopes;
using Vigil.Domain.Errors;

namespace Vigil.Application.Tests;

public sealed class ScopeParserTests
{
    private readonly ScopeParser _parser = new(ReferenceData.Bundled);

    [Theory]
    [InlineData("2014", false, "2014-01-01")]
    [InlineData("2014", true, "2014-12-31")]
    [InlineData("2016-02", true, "2016-02-29")]
    [InlineData("9999-12", true, "9999-12-31")]
    [InlineData("9999", true, "9999-12-31")]
    [InlineData("0001-01-01", false, "0001-01-01")]
    public void Dates_are_days_or_the_first_or_last_day_of_a_month_or_year(string text, bool end, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ScopeParser.ParseDate(text, end));

    [Theory]
    [InlineData("2014-13")]
    [InlineData("14")]
    [InlineData("2014-1")]
    [InlineData("20140101")]
    [InlineData("0000")]
    public void Other_date_forms_are_refused(string text) => Assert.Null(ScopeParser.ParseDate(text, end: false));

    [Fact]
    public void Names_resolve_to_the_canonical_spellings_once_for_every_adapter()
    {
        var query = _parser.Parse(new ScopeInput { Provinces = ["NWFP", "KPK"], Actors = ["Pakistani Taliban"], Types = ["Suicide-Bombing"] });
        Assert.Equal(["Khyber Pakhtunkhwa"], query.Provinces);
        Assert.Contains("TTP", query.Actors);
        Assert.Contains("Pakistani Taliban", query.Actors);
        Assert.Equal(["suicide-bombing"], query.EventTypes);
    }

    [Theory]
    [InlineData("from", "2014-99")]
    [InlineData("to", "soon")]
    public void A_bad_date_names_its_field(string field, string value)
    {
        var input = field == "from" ? new ScopeInput { From = value } : new ScopeInput { To = value };
        var e = Assert.Throws<FieldException>(() => _parser.Parse(input));
        Assert.Equal(field, e.Field);
        Assert.Contains(value, e.Problem, StringComparison.Ordinal);
        Assert.Equal(field, ScopeParser.Validate(input)!.Field);
    }

    [Fact]
    public void A_bad_type_or_a_negative_minimum_names_its_field()
    {
        Assert.Equal("type", Assert.Throws<FieldException>(() => _parser.Parse(new ScopeInput { Types = ["riot"] })).Field);
        Assert.Equal("min_killed", Assert.Throws<FieldException>(() => _parser.Parse(new ScopeInput { MinKilled = -1 })).Field);
    }

    [Theory]
    [InlineData("to", "9999")]
    [InlineData("to", "9999-12-31")]
    [InlineData("from", "0001-01-01")]
    public void Dates_outside_the_calendar_vigil_computes_on_are_refused_by_name(string field, string value)
    {
        var input = field == "from" ? new ScopeInput { From = value } : new ScopeInput { To = value };
        var e = ScopeParser.Validate(input);
        Assert.NotNull(e);
        Assert.Equal(field, e.Field);
        Assert.Contains("outside the dates Vigil covers", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_can_give_its_own_alias_table_and_the_scope_follows_it()
    {
        var actors = Vigil.Domain.Actors.ActorCatalog.Parse(new StringReader(
            "name,kind,parent,aliases\nLashkar-e-Test,militant,,LeT-X|Test Front\n"), "test-actors.csv");
        var parser = new ScopeParser(new ReferenceData(ReferenceData.Bundled.Gazetteer, actors));

        Assert.Contains("Lashkar-e-Test", parser.Parse(new ScopeInput { Actors = ["Test Front"] }).Actors);
        Assert.DoesNotContain("TTP", parser.Parse(new ScopeInput { Actors = ["Pakistani Taliban"] }).Actors);
        Assert.DoesNotContain("Lashkar-e-Test", _parser.Parse(new ScopeInput { Actors = ["Test Front"] }).Actors);
    }
}

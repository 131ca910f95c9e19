using System.Text.Json;
using Vigil.Cli.Infrastructure;
using Vigil.TestSupport;

namespace Vigil.Cli.Tests;

/// <summary>
/// <c>vigil datasets</c> as a user runs it: the first rows of the bundled UCDP GED file imported first, then two Pakistan
/// Body Count suicide attacks (1995-11-19 and 2000-11-06; <see cref="SmallDatasets"/>).
/// </summary>
public sealed class DatasetsCommandTests : IDisposable
{
    private readonly Cli _cli = new();

    private readonly SmallDatasets.UcdpRows _ucdp;

    public DatasetsCommandTests()
    {
        _ucdp = SmallDatasets.WriteUcdpFirstRows(_cli.Dir);
        Assert.Equal(0, _cli.Run("import", _ucdp.Path).ExitCode);
        Assert.Equal(0, _cli.Run("import", _cli.Dir.Write("pbc-suicide.csv", SmallDatasets.PbcSuicide)).ExitCode);
    }

    public void Dispose() => _cli.Dispose();

    private JsonElement Json(params string[] args)
    {
        var r = _cli.Run([.. args, "--json"]);
        Assert.True(r.ExitCode == 0, r.Error);
        return JsonDocument.Parse(r.Output).RootElement;
    }

    /// <summary>The rows and checksum of the datasets table, read from the file.</summary>
    private string DatasetsTable() => StoreFingerprint.Of(_cli.Db, "datasets");

    [Fact]
    public void List_shows_each_dataset_in_import_order_with_the_first_imported_primary()
    {
        var r = _cli.Run("datasets", "list");

        Assert.Equal(ExitCodes.Success, r.ExitCode);
        var lines = r.Output.Split('\n');
        var ucdp = Assert.Single(lines, l => l.TrimStart().StartsWith("ucdp-ged ", StringComparison.Ordinal));
        var pbc = Assert.Single(lines, l => l.TrimStart().StartsWith("pbc-suicide ", StringComparison.Ordinal));
        Assert.True(Array.IndexOf(lines, ucdp) < Array.IndexOf(lines, pbc), r.Output);
        // name, title, incidents, covers (UCDP GED by whole years), not recorded, licence, rows shared, the primary mark.
        Assert.Matches($@"^\s*ucdp-ged\s+UCDP GED\s+{_ucdp.Rows}\s+{_ucdp.FirstYear}-01-01\.\.{_ucdp.LastYear}-12-31\s+organised violence.*\s+injured\s+CC BY 4\.0\s+yes\s+\*\s*$", ucdp);
        Assert.Matches(@"^\s*pbc-suicide\s+PBC suicide attacks\s+2\s+1995-11-19\.\.2000-11-06\s+suicide attacks only\s+-\s+none stated \(all rights reserved\)\s+no\s*$", pbc);

        var json = Json("datasets", "list").GetProperty("datasets");
        Assert.Equal(["ucdp-ged", "pbc-suicide"], json.EnumerateArray().Select(d => d.GetProperty("name").GetString()));
        Assert.Equal([true, false], json.EnumerateArray().Select(d => d.GetProperty("primary").GetBoolean()));
        Assert.Equal([1, 2], json.EnumerateArray().Select(d => d.GetProperty("position").GetInt32()));
        Assert.Equal([_ucdp.Rows, 2], json.EnumerateArray().Select(d => d.GetProperty("incidents").GetInt32()));
    }

    [Fact]
    public void At_80_columns_the_list_is_a_block_per_dataset_that_fits()
    {
        using var narrow = new Cli { Width = 80 };
        Assert.Equal(0, narrow.Run("import", narrow.Dir.Write("pbc-suicide.csv", SmallDatasets.PbcSuicide)).ExitCode);

        var r = narrow.Run("datasets", "list");

        Assert.Equal(ExitCodes.Success, r.ExitCode);
        Assert.All(r.Output.Split('\n'), line => Assert.True(line.TrimEnd().Length <= 80, line));
        Assert.Contains("pbc-suicide *  PBC suicide attacks, 2 incidents", r.Output, StringComparison.Ordinal);
        Assert.Matches(@"covers\s+1995-11-19\.\.2000-11-06", r.Output);
        Assert.Matches(@"rows shared\s+no", r.Output);
    }

    [Fact]
    public void Primary_switches_the_primary_dataset()
    {
        var r = _cli.Run("datasets", "primary", "PBC-Suicide");

        Assert.Equal(ExitCodes.Success, r.ExitCode);
        Assert.Contains("pbc-suicide (PBC suicide attacks) is now the primary dataset", r.Output, StringComparison.Ordinal);
        var json = Json("datasets", "list").GetProperty("datasets");
        Assert.Equal(["pbc-suicide"], json.EnumerateArray().Where(d => d.GetProperty("primary").GetBoolean()).Select(d => d.GetProperty("name").GetString()));
    }

    [Fact]
    public void A_dataset_that_continues_the_primary_one_joins_the_default_scope_after_it_until_none()
    {
        var alone = Json("stats", "series", "--by", "year");
        Assert.Equal(["ucdp-ged"], alone.GetProperty("scope").GetProperty("datasets").EnumerateArray().Select(d => d.GetString()));

        var r = _cli.Run("datasets", "edit", "pbc-suicide", "--continues", "UCDP-GED");
        Assert.Equal(ExitCodes.Success, r.ExitCode);
        Assert.Contains("continues", r.Output, StringComparison.Ordinal);
        Assert.Equal("ucdp-ged", Json("datasets", "show", "pbc-suicide").GetProperty("coverage").GetProperty("continues").GetString());
        var both = Json("stats", "series", "--by", "year");
        Assert.Equal(["ucdp-ged", "pbc-suicide"], both.GetProperty("scope").GetProperty("datasets").EnumerateArray().Select(d => d.GetString()));
        // Cyclic declarations are refused.
        Assert.Equal(ExitCodes.Usage, _cli.Run("datasets", "edit", "ucdp-ged", "--continues", "pbc-suicide").ExitCode);

        Assert.Equal(ExitCodes.Success, _cli.Run("datasets", "edit", "pbc-suicide", "--continues", "none").ExitCode);
        Assert.Equal(JsonValueKind.Null, Json("datasets", "show", "pbc-suicide").GetProperty("coverage").GetProperty("continues").ValueKind);
        Assert.Equal(["ucdp-ged"], Json("stats", "series", "--by", "year").GetProperty("scope").GetProperty("datasets").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public void Edit_saves_every_field_and_show_reads_each_back()
    {
        var r = _cli.Run("datasets", "edit", "pbc-suicide",
            "--title", "PBC suicide attacks 1995-2017",
            "--description", "Suicide attacks in Pakistan, as PBC compiled them.",
            "--citation", "Pakistan Body Count, 2017.",
            "--licence", "CC0",
            "--redistributable", "true",
            "--from", "1995-07",
            "--to", "2017",
            "--gap", "2003..2003", "--gap", "1999-02-01..1999-02-14",
            "--country", "PAK", "--country", "Afghanistan",
            "--type", "suicide-bombing", "--type", "bombing",
            "--kinds", "suicide attacks and bombings",
            "--not-recorded", "injured",
            "--comprehensive", "false");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("Suicide attacks in Pakistan, as PBC compiled them.", r.Output, StringComparison.Ordinal);

        var d = Json("datasets", "show", "pbc-suicide");
        Assert.Equal(("PBC suicide attacks 1995-2017", "Suicide attacks in Pakistan, as PBC compiled them.", "Pakistan Body Count, 2017.", "CC0", true),
            (d.GetProperty("title").GetString(), d.GetProperty("description").GetString(), d.GetProperty("citation").GetString(), d.GetProperty("licence").GetString(), d.GetProperty("redistributable").GetBoolean()));
        var c = d.GetProperty("coverage");
        Assert.Equal(("1995-07-01", "2017-12-31"), (c.GetProperty("declared_from").GetString(), c.GetProperty("declared_to").GetString()));
        Assert.Equal(("1995-07-01", "2017-12-31"), (c.GetProperty("effective_from").GetString(), c.GetProperty("effective_to").GetString()));
        Assert.Equal(["1999-02-01..1999-02-14", "2003-01-01..2003-12-31"], Strings(c.GetProperty("gaps")));
        Assert.Equal(["Pakistan", "Afghanistan"], Strings(c.GetProperty("countries")));
        Assert.Equal(["suicide-bombing", "bombing"], Strings(c.GetProperty("event_types")));
        Assert.Equal("suicide attacks and bombings", c.GetProperty("kinds").GetString());
        Assert.Equal(["injured"], Strings(c.GetProperty("not_recorded")));
        Assert.False(c.GetProperty("comprehensive").GetBoolean());
        Assert.Equal(["1995-07-01..1999-01-31", "1999-02-15..2002-12-31", "2004-01-01..2017-12-31"], Strings(c.GetProperty("spans")));
        // The data's own days are still the data's.
        Assert.Equal(("1995-11-19", "2000-11-06"), (c.GetProperty("data_from").GetString(), c.GetProperty("data_to").GetString()));

        var text = _cli.Run("datasets", "show", "pbc-suicide").Output;
        Assert.Contains("Pakistan Body Count, 2017.", text, StringComparison.Ordinal);
        Assert.Matches(@"gaps\s+1999-02-01\.\.1999-02-14, 2003-01-01\.\.2003-12-31", text);
    }

    [Fact]
    public void Edit_changes_only_what_is_given_and_the_clear_options_and_none_undo_a_declaration()
    {
        Assert.Equal(0, _cli.Run("datasets", "edit", "ucdp-ged", "--from", "1989", "--gap", "1990-06..1990-06", "--country", "Pakistan").ExitCode);
        var before = Json("datasets", "show", "ucdp-ged");

        Assert.Equal(0, _cli.Run("datasets", "edit", "ucdp-ged", "--from", "none", "--clear-gaps", "--clear-types", "--clear-not-recorded").ExitCode);

        var after = Json("datasets", "show", "ucdp-ged");
        foreach (var field in new[] { "title", "description", "citation", "licence" })
            Assert.Equal(before.GetProperty(field).GetString(), after.GetProperty(field).GetString());
        var c = after.GetProperty("coverage");
        Assert.Equal(["Pakistan"], Strings(c.GetProperty("countries")));
        Assert.Equal(JsonValueKind.Null, c.GetProperty("declared_from").ValueKind);
        Assert.Equal($"{_ucdp.FirstYear}-01-01", c.GetProperty("effective_from").GetString());
        Assert.Empty(Strings(c.GetProperty("gaps")));
        Assert.Empty(Strings(c.GetProperty("event_types")));
        Assert.Empty(Strings(c.GetProperty("not_recorded")));
    }

    [Theory]
    [InlineData("--to", "--to", "1995-01-01")]
    [InlineData("--from", "--from", "2099-13")]
    [InlineData("--gap", "--gap", "2001")]
    [InlineData("--gap", "--gap", "2002..2001")]
    [InlineData("--type", "--type", "suicide-attack")]
    [InlineData("--not-recorded", "--not-recorded", "dead")]
    [InlineData("--title", "--title", " ")]
    [InlineData("--licence", "--licence", "")]
    [InlineData("--redistributable", "--redistributable", "yes")]
    [InlineData("--comprehensive", "--comprehensive", "1")]
    [InlineData("--clear-gaps", "--gap", "2001..2001", "--clear-gaps")]
    [InlineData("--continues", "--continues", "acled")]
    [InlineData("--continues", "--continues", "pbc-suicide")]
    public void Edit_refuses_a_bad_value_naming_the_option_and_writes_nothing(string option, params string[] args)
    {
        var table = DatasetsTable();

        // A good change beside the bad value is not written either.
        var r = _cli.Run(["datasets", "edit", "pbc-suicide", "--kinds", "changed", .. args]);

        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.StartsWith($"vigil: {option}: ", r.Error, StringComparison.Ordinal);
        Assert.Equal(table, DatasetsTable());
        Assert.Equal("suicide attacks only", Json("datasets", "show", "pbc-suicide").GetProperty("coverage").GetProperty("kinds").GetString());
    }

    [Fact]
    public void A_type_outside_Vigils_names_is_refused_listing_them()
    {
        var r = _cli.Run("datasets", "edit", "pbc-suicide", "--type", "Suicide attack");

        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.StartsWith("vigil: --type: 'Suicide attack' is not one of: armed-clash, ", r.Error, StringComparison.Ordinal);
        Assert.Contains("suicide-bombing", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_edit_that_changes_nothing_is_a_usage_error()
    {
        var r = _cli.Run("datasets", "edit", "pbc-suicide");

        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.StartsWith("vigil: nothing to change", r.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("show", "gdt")]
    [InlineData("primary", "gdt")]
    [InlineData("edit", "gdt", "--title", "GTD")]
    public void An_unknown_dataset_exits_with_4_and_lists_the_datasets(params string[] args)
    {
        var table = DatasetsTable();

        var r = _cli.Run(["datasets", .. args]);

        Assert.Equal(ExitCodes.NotFound, r.ExitCode);
        Assert.Equal("vigil: dataset 'gdt' not found; the datasets are ucdp-ged, pbc-suicide", r.Error.TrimEnd());
        Assert.Equal(table, DatasetsTable());
    }

    [Fact]
    public void Show_json_has_every_field_of_a_dataset_and_its_coverage()
    {
        var d = Json("datasets", "show", "ucdp-ged");

        Assert.Equal(["name", "title", "description", "citation", "licence", "redistributable", "primary", "position", "incidents", "coverage"],
            d.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["declared_from", "declared_to", "data_from", "data_to", "effective_from", "effective_to", "whole_years", "gaps", "countries",
            "event_types", "kinds", "not_recorded", "comprehensive", "spans", "continues"], d.GetProperty("coverage").EnumerateObject().Select(p => p.Name));
        Assert.True(d.GetProperty("coverage").GetProperty("whole_years").GetBoolean());
        Assert.Equal([$"{_ucdp.FirstYear}-01-01..{_ucdp.LastYear}-12-31"], Strings(d.GetProperty("coverage").GetProperty("spans")));
    }

    private static List<string?> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString())];
}

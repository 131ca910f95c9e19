using System.Text.Json;
using Microsoft.VisualBasic.FileIO;
using Vigil.Domain.Actors;
using Vigil.TestSupport;

namespace Vigil.Cli.Tests;

/// <summary>
/// Issue 15 on the bundled UCDP data: parties by role, event categories and the former FATA, each checked against
/// the CSV (and the gazetteer's own district list) read by the test itself with the rule docs/method.md states.
/// </summary>
public sealed class CategoriesAndRegionsTests : IDisposable
{
    private readonly Cli _cli = new();

    public CategoriesAndRegionsTests() => Assert.Equal(0, _cli.Run("import", RepoFiles.BundledUcdp).ExitCode);

    public void Dispose() => _cli.Dispose();

    /// <summary>The bundled file's rows as the test reads them: id, start date, type of violence, side A, side B.</summary>
    private static List<(string Id, DateOnly Start, string Type, string SideA, string SideB)> UcdpRows()
    {
        using var parser = new TextFieldParser(RepoFiles.BundledUcdp) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        int Col(string name) => Array.IndexOf(header, name);
        var rows = new List<(string, DateOnly, string, string, string)>();
        while (parser.ReadFields() is { } f)
        {
            if (f.Any(v => v.StartsWith('#')))
                continue; // HDX's HXL tag row
            rows.Add((f[Col("id")], DateOnly.Parse(f[Col("date_start")][..10], System.Globalization.CultureInfo.InvariantCulture),
                f[Col("type_of_violence")], f[Col("side_a")], f[Col("side_b")]));
        }
        return rows;
    }

    /// <summary>The documented UCDP rule, restated by the test: docs/method.md, "Event categories and parties".</summary>
    private static string CategoryOf(string type, string sideA) => type switch
    {
        "1" when sideA == "Government of United States of America" => "security-operation",
        "1" or "2" => "armed-clash",
        _ => sideA.StartsWith("Government of", StringComparison.Ordinal) ? "other" : "militant-attack",
    };

    private long YearCount(params string[] options)
    {
        var result = _cli.Run(["stats", "series", "--by", "year", "--from", "2014", "--to", "2014", "--json", .. options]);
        Assert.True(result.ExitCode == 0, result.Error);
        var rows = JsonDocument.Parse(result.Output).RootElement.GetProperty("rows");
        return rows.EnumerateArray().Single(r => r.GetProperty("period").GetString() == "2014").GetProperty("incidents").GetInt64();
    }

    [Fact]
    public void Each_category_of_2014_equals_the_documented_rule_over_the_csv_and_together_they_are_the_year()
    {
        var in2014 = UcdpRows().Where(r => r.Start.Year == 2014).ToList();
        var expected = in2014.GroupBy(r => CategoryOf(r.Type, r.SideA)).ToDictionary(g => g.Key, g => (long)g.Count());

        var counted = new[] { "militant-attack", "security-operation", "armed-clash", "other" }
            .ToDictionary(c => c, c => YearCount("--category", c));

        foreach (var (category, count) in counted)
            Assert.True(expected.GetValueOrDefault(category) == count, $"{category}: {count}, the CSV says {expected.GetValueOrDefault(category)}");
        Assert.Equal(in2014.Count, counted.Values.Sum());
        Assert.Equal(YearCount(), counted.Values.Sum());
        Assert.True(counted["militant-attack"] > 0 && counted["armed-clash"] > 0 && counted["security-operation"] > 0);
    }

    [Fact]
    public void No_state_is_a_group_involved_or_a_perpetrator_of_militant_attacks_in_any_month()
    {
        var catalog = ActorCatalog.Bundled;
        bool IsState(string name) => name.StartsWith("Government of", StringComparison.Ordinal) || catalog.Resolve(name) is { Kind: ActorKind.State };
        foreach (var options in new[] { new[] { "--breakdown", "group" }, ["--breakdown", "perpetrator", "--category", "militant-attack"] })
        {
            var result = _cli.Run(["stats", "series", "--by", "month", "--json", .. options]);
            Assert.True(result.ExitCode == 0, result.Error);
            var keys = JsonDocument.Parse(result.Output).RootElement.GetProperty("rows").EnumerateArray()
                .Select(r => r.GetProperty("key").GetString()).OfType<string>().Distinct().ToList();

            Assert.NotEmpty(keys);
            Assert.DoesNotContain(keys, IsState);
        }
        // Side A of the state-based events is the state: every one of them is there, as state forces.
        var stateBased = UcdpRows().Count(r => r.Type == "1");
        var incidents = JsonDocument.Parse(_cli.Run("incidents", "list", "--json").Output).RootElement.EnumerateArray().ToList();
        Assert.Equal(stateBased, incidents.Count(i => i.GetProperty("source_event_type").GetString()!.StartsWith("ucdp:type_of_violence=1", StringComparison.Ordinal)
            && i.TryGetProperty("state_forces_raw", out var s) && s.GetString()!.StartsWith("Government of", StringComparison.Ordinal)
            && !i.TryGetProperty("perpetrator_raw", out _)));
    }

    [Fact]
    public void The_Karachi_airport_attack_has_the_state_forces_and_TTP_as_parties_not_the_state_as_perpetrator()
    {
        var result = _cli.Run("incidents", "list", "--from", "2014-06-08", "--to", "2014-06-09", "--district", "Karachi", "--json");
        var incidents = JsonDocument.Parse(result.Output).RootElement.EnumerateArray().ToList();

        Assert.NotEmpty(incidents);
        foreach (var i in incidents)
        {
            Assert.False(i.TryGetProperty("perpetrator", out _), i.ToString());
            Assert.Equal("Government of Pakistan", i.GetProperty("state_forces").GetString());
            Assert.Equal("TTP", i.GetProperty("armed_group").GetString());
            Assert.Equal("armed-clash", i.GetProperty("category").GetString());
        }
        var table = _cli.Run("incidents", "list", "--from", "2014-06-08", "--to", "2014-06-09", "--district", "Karachi").Output;
        Assert.Contains("Government of Pakistan vs TTP", table, StringComparison.Ordinal);
    }

    [Fact]
    public void The_former_fata_region_and_the_province_FATA_are_its_districts_as_the_gazetteer_lists_them()
    {
        var fataDistricts = new HashSet<string>(StringComparer.Ordinal);
        var mainlandDistricts = new HashSet<string>(StringComparer.Ordinal);
        using (var gazetteer = new TextFieldParser(RepoFiles.Path_("data", "gazetteer", "admin2.csv")) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true })
        {
            gazetteer.SetDelimiters(",");
            var header = gazetteer.ReadFields()!;
            while (gazetteer.ReadFields() is { } f)
            {
                if (f[Array.IndexOf(header, "historical_admin1_code")] == "PK-TA")
                    fataDistricts.Add(f[Array.IndexOf(header, "name")]);
                else if (f[Array.IndexOf(header, "admin1_code")] == "PK-KP")
                    mainlandDistricts.Add(f[Array.IndexOf(header, "name")]);
            }
        }
        var all = JsonDocument.Parse(_cli.Run("incidents", "list", "--json").Output).RootElement.EnumerateArray().ToList();
        var expected = all.Where(i => i.TryGetProperty("admin2", out var d) && fataDistricts.Contains(d.GetString()!))
            .Select(i => i.GetProperty("id").GetInt64()).Order().ToList();

        List<long> Ids(params string[] options) => [.. JsonDocument.Parse(_cli.Run(["incidents", "list", "--json", .. options]).Output)
            .RootElement.EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).Order()];

        Assert.Equal(13, fataDistricts.Count);
        Assert.True(expected.Count > 1000, $"{expected.Count} incidents in the former FATA");
        Assert.Equal(expected, Ids("--region", "former-fata"));
        Assert.Equal(expected, Ids("--province", "FATA"));
        var mainland = all.Where(i => i.TryGetProperty("admin2", out var d) && mainlandDistricts.Contains(d.GetString()!))
            .Select(i => i.GetProperty("id").GetInt64()).Order().ToList();
        Assert.Equal(mainland, Ids("--region", "kp-mainland"));
        // Incidents placed in Khyber Pakhtunkhwa without a district are in neither region: where they were is not known.
        var kp = Ids("--province", "Khyber Pakhtunkhwa");
        var neither = kp.Except(expected).Except(mainland).ToHashSet();
        Assert.All(all.Where(i => neither.Contains(i.GetProperty("id").GetInt64())), i => Assert.False(i.TryGetProperty("admin2", out _), i.ToString()));

        var said = _cli.Run("stats", "series", "--by", "year", "--province", "FATA");
        Assert.Equal(0, said.ExitCode);
        Assert.Contains("no province today", said.Output, StringComparison.Ordinal);
        Assert.Contains("Khyber Pakhtunkhwa since 31 May 2018", said.Output, StringComparison.Ordinal);
        var unknown = _cli.Run("incidents", "list", "--region", "tribal belt");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--region: 'tribal belt' is not a region Vigil knows: former-fata, kp-mainland, af-pak-border", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Gtd_suicide_attacks_count_as_gtd_defines_them_and_an_unknown_group_is_no_actor()
    {
        const string header = "eventid,iyear,imonth,iday,extended,country_txt,provstate,city,latitude,longitude,specificity,suicide,attacktype1_txt,targtype1_txt,target1,gname,claimed,nkill,nkillter,nwound,weaptype1_txt,approxdate";
        string[] rows =
        [
            "201401010001,2014,1,1,0,Pakistan,Khyber Pakhtunkhwa,Peshawar,34.01,71.58,1,1,Assassination,Government (General),a minister,Tehrik-i-Taliban Pakistan (TTP),1,3,1,2,Firearms,",
            "201401020001,2014,1,2,0,Pakistan,Balochistan,Quetta,30.18,67.00,1,1,Bombing/Explosion,Police,a checkpoint,Unknown,0,5,1,9,Explosives,",
            "201401030001,2014,1,3,0,Pakistan,Sindh,Karachi,24.86,67.01,1,1,Hostage Taking (Barricade Incident),Business,a hotel,Lashkar-e-Jhangvi,1,4,2,,Firearms,",
            "201401040001,2014,1,4,0,Pakistan,Punjab,Lahore,31.55,74.34,1,0,Armed Assault,Police,a patrol,Unknown,0,1,0,0,Unknown,",
            "201401050001,2014,1,5,0,Pakistan,Sindh,Karachi,24.86,67.01,1,0,Bombing/Explosion,Private Citizens & Property,a market,Unknown,0,,,,Explosives,",
            "201401000001,2014,1,0,0,Pakistan,Punjab,Lahore,31.55,74.34,1,0,Armed Assault,Police,a police station,Unknown,0,2,-99,-99,Firearms,early January 2014",
        ];
        var file = _cli.Dir.File("gtd.csv");
        File.WriteAllLines(file, [header, .. rows]);
        var suicideRows = rows.Count(r => r.Split(',')[11] == "1");
        var unknownRows = rows.Count(r => r.Split(',')[15] == "Unknown");

        Assert.Equal(0, _cli.Run("import", file).ExitCode);
        List<JsonElement> List(params string[] options) => [.. JsonDocument.Parse(_cli.Run(["incidents", "list", "--dataset", "gtd", "--json", .. options]).Output).RootElement.EnumerateArray()];

        var suicide = List("--suicide", "yes");
        Assert.Equal(suicideRows, suicide.Count);
        Assert.Contains(suicide, i => i.GetProperty("event_type").GetString() == "targeted-killing");
        Assert.Equal(rows.Length - suicideRows, List("--suicide", "no").Count);
        Assert.Equal(rows.Count(r => r.Split(',')[20] == "Explosives"), List("--weapon", "explosives").Count);
        Assert.Equal(rows.Count(r => r.Split(',')[20] == "Firearms" && r.Split(',')[11] == "1"), List("--weapon", "firearms", "--suicide", "yes").Count);
        // GTD's -99 is unknown, not an error; a day of 0 makes a month-long date, GTD's own words kept in the notes.
        var approximate = Assert.Single(List(), i => i.GetProperty("source_id").GetString() == "201401000001");
        Assert.False(approximate.TryGetProperty("injured_best", out _));
        Assert.Equal("month", approximate.GetProperty("date_precision").GetString());
        Assert.Contains("approximate date: early January 2014", approximate.GetProperty("notes").GetString(), StringComparison.Ordinal);
        Assert.Equal(rows.Count(r => r.Contains(",Police,", StringComparison.Ordinal)), List("--target-type", "police").Count);
        Assert.Equal(unknownRows, List().Count(i => !i.TryGetProperty("perpetrator_raw", out _)));
        Assert.All(List(), i => Assert.Equal("militant-attack", i.GetProperty("category").GetString()));

        var groups = JsonDocument.Parse(_cli.Run("stats", "series", "--dataset", "gtd", "--by", "year", "--breakdown", "group", "--json").Output)
            .RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("key").GetString()).ToList();
        Assert.DoesNotContain("Unknown", groups);
        var bad = _cli.Run("incidents", "list", "--suicide", "perhaps");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--suicide: 'perhaps' is not one of", bad.Error, StringComparison.Ordinal);
    }
}

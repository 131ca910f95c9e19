using System.Globalization;
using System.Text.Json;
using Vigil.Domain.Incidents;
using Vigil.Domain.Revisions;
using Vigil.Storage;
using Vigil.Storage.Backends;
using Vigil.TestSupport;

namespace Vigil.Cli.Tests;

/// <summary>
/// <c>vigil report monthly --publish</c> then <c>vigil report diff</c>: after the data change, the diff lists exactly the
/// incidents of the report's scope and period that changed (and how), the figures before and after, and the report
/// regenerated as of its moment gives the figures (and the file) first published.
/// </summary>
public sealed class ReportDiffTests : IDisposable
{
    private readonly Cli _cli = new();

    public ReportDiffTests() => Assert.Equal(0, _cli.Run("import", RepoFiles.BundledUcdp).ExitCode);

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void A_published_report_diff_lists_exactly_the_changes_and_regenerates_as_published()
    {
        var first = _cli.Dir.File("published.md");
        var published = _cli.Run("report", "monthly", "--month", "2021-12", "--format", "md", "--out", first, "--publish", "--by", "amina");
        Assert.Equal(0, published.ExitCode);
        Assert.Contains("published as report 1", published.Output, StringComparison.Ordinal);
        var moment = _cli.Clock.GetUtcNow();
        Assert.Empty(Diff().GetProperty("incidents").EnumerateArray());

        _cli.Clock.Advance(TimeSpan.FromHours(1));
        long outside;
        ReportChanges changes;
        using (var db = DatabaseLocation.Parse(_cli.Db).Open(_cli.Clock))
        {
            changes = ReportChanges.MakeInDecember2021(db);
            // A change before the report's period is no change of the report.
            var old = db.Incidents.Query(IncidentQuery.All with { To = new DateOnly(2015, 12, 31), Limit = 1 }).Single();
            outside = old.Id;
            db.Incidents.Update(old.Id, old.Revision, new ChangeContext("analyst:amina", "FIR"), i => i with { Killed = CasualtyCount.Exactly(99) });
        }

        var diff = Diff();
        Assert.Empty(diff.GetProperty("regenerated_differences").EnumerateArray());
        var incidents = diff.GetProperty("incidents").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetInt64(), i => i.GetProperty("change").GetString());
        Assert.Equal(new Dictionary<long, string?> { [changes.Edited] = "edited", [changes.Deleted] = "removed", [changes.Added] = "added" }, incidents);
        Assert.DoesNotContain(outside, incidents.Keys);
        var fields = diff.GetProperty("incidents").EnumerateArray().Single(i => i.GetProperty("id").GetInt64() == changes.Edited).GetProperty("fields").EnumerateArray()
            .ToDictionary(f => f.GetProperty("field").GetString()!, f => (f.GetProperty("before").GetString(), f.GetProperty("after").GetString()));
        Assert.Equal((changes.EditedBefore.ToString(CultureInfo.InvariantCulture), "40"), fields["killed_best"]);

        // The month's killed: as published, less the edited and deleted incidents' figures, plus their new ones.
        var killed = diff.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "headline/Killed");
        var before = long.Parse(killed.GetProperty("before").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal(changes.KilledAfter(before).ToString(CultureInfo.InvariantCulture), killed.GetProperty("after").GetString());
        // One incident removed and one added: the month's count of incidents is unchanged, so it is no change.
        Assert.DoesNotContain(diff.GetProperty("figures").EnumerateArray(), f => f.GetProperty("name").GetString() == "headline/Incidents");

        // Regenerated as of its moment, the report is the one published (its label says "as of").
        var again = _cli.Dir.File("again.md");
        Assert.Equal(0, _cli.Run("report", "monthly", "--month", "2021-12", "--format", "md", "--out", again, "--as-of",
            moment.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)).ExitCode);
        var label = ", as of " + Domain.Time.Moment.Label(moment);
        // Only the label, the time it was generated and its file name may differ.
        static string Comparable(string text, string name) => System.Text.RegularExpressions.Regex.Replace(
            text.Replace(name + "-assets", "assets", StringComparison.Ordinal), "[Gg]enerated( by Vigil on)? [0-9-]+ [0-9:]+ UTC[+0-9:]*", "generated");
        Assert.Equal(Comparable(File.ReadAllText(first), "published"), Comparable(File.ReadAllText(again).Replace(label, "", StringComparison.Ordinal), "again"));

        var text = _cli.Run("report", "diff").Output;
        Assert.Contains("Regenerated as of its moment: all", text, StringComparison.Ordinal);
        Assert.Contains($"removed {changes.Deleted}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_diff_of_a_report_never_published_is_not_found()
    {
        var result = _cli.Run("report", "diff", "7");
        Assert.Equal(4, result.ExitCode);
        Assert.Contains("published report 7 not found", result.Error, StringComparison.Ordinal);
    }

    private JsonElement Diff()
    {
        var result = _cli.Run("report", "diff", "--json");
        Assert.Equal(0, result.ExitCode);
        return JsonDocument.Parse(result.Output).RootElement;
    }
}

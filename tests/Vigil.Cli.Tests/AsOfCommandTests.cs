using Vigil.Domain.Incidents;
using Vigil.Domain.Revisions;
using Vigil.Storage;
using Vigil.Storage.Backends;
using Vigil.TestSupport;

namespace Vigil.Cli.Tests;

/// <summary>
/// <c>--as-of</c> on the reading commands: after edits and deletions, each answers as it did at the moment, its label
/// saying "as of" (the one line allowed to differ); a moment that is not one is refused naming the option.
/// </summary>
public sealed class AsOfCommandTests : IDisposable
{
    private readonly Cli _cli = new();

    public AsOfCommandTests() => Assert.Equal(0, _cli.Run("import", RepoFiles.BundledUcdp).ExitCode);

    public void Dispose() => _cli.Dispose();

    private static readonly string[][] Questions =
    [
        ["stats", "series", "--by", "year", "--breakdown", "province", "--csv"],
        ["incidents", "list", "--from", "2021-06", "--to", "2021-12", "--json"],
        ["summary", "--month", "2021-12", "--json"],
        ["check", "--metric", "killed", "--value", "37", "--period", "2021-12", "--json"],
        ["datasets", "list", "--json"],
    ];

    [Fact]
    public void Each_reading_command_answers_as_it_did_at_the_moment()
    {
        var then = Questions.Select(q => _cli.Run(q)).ToList();
        Assert.All(then, r => Assert.Equal(0, r.ExitCode));
        _cli.Clock.Advance(TimeSpan.FromMinutes(10));
        var moment = _cli.Clock.GetUtcNow();
        _cli.Clock.Advance(TimeSpan.FromMinutes(10));
        using (var db = DatabaseLocation.Parse(_cli.Db).Open(_cli.Clock))
        {
            var december = db.Incidents.Query(IncidentQuery.All with { From = new DateOnly(2021, 12, 1), To = new DateOnly(2021, 12, 31) }).ToList();
            db.Incidents.Update(december[0].Id, december[0].Revision, new ChangeContext("analyst:amina", "FIR"),
                i => i with { Killed = CasualtyCount.Exactly(40), Place = i.Place with { Admin1 = "Punjab" } });
            db.Incidents.Delete(december[1].Id, december[1].Revision, new ChangeContext("analyst:amina", "duplicate"));
            db.Datasets.Save(db.Datasets.Find("ucdp-ged")! with { Description = "edited later" });
        }
        var now = Questions.Select(q => _cli.Run(q)).ToList();
        var asOf = Questions.Select(q => _cli.Run([.. q, "--as-of", moment.ToString("yyyy-MM-dd'T'HH:mm'Z'", System.Globalization.CultureInfo.InvariantCulture)])).ToList();

        var label = ", as of " + moment.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC";
        for (var i = 0; i < Questions.Length; i++)
        {
            Assert.Equal(0, asOf[i].ExitCode);
            Assert.DoesNotContain("as of", then[i].Output + then[i].Error, StringComparison.Ordinal);
            Assert.NotEqual(then[i].Output, now[i].Output);
            Assert.Equal(then[i].Output, asOf[i].Output.Replace(label, "", StringComparison.Ordinal));
            Assert.Contains(label[2..], asOf[i].Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_moment_that_is_not_one_is_refused_naming_the_option()
    {
        var result = _cli.Run("stats", "series", "--as-of", "last week");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--as-of: 'last week' is not a moment", result.Error, StringComparison.Ordinal);
    }
}

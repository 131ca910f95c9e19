using Vigil.Accountability.Files;
using Vigil.Storage.Relational;
using Vigil.Storage.Sqlite;
using Vigil.TestSupport;

namespace Vigil.Dashboard.Tests.Support;

/// <summary>Loads the shipped accountability worked example into a test database.</summary>
public static class WorkedExample
{
    public static void Load(string database)
    {
        using var store = SqliteIncidentStore.Open(database);
        AccountabilityImporter.Import(new RelationalAccountabilityStore(store), RepoFiles.Path_("data", "accountability", "worked-example.yaml"));
    }

    /// <summary>Adds a judged score to a commitment.</summary>
    public static void Score(string database, string commitment, int score)
    {
        using var store = SqliteIncidentStore.Open(database);
        new RelationalAccountabilityStore(store).AddScore(commitment,
            new Domain.Accountability.ImplementationScore { AssessedOn = new DateOnly(2016, 1, 1), Score = score, Evidence = "test" });
    }
}

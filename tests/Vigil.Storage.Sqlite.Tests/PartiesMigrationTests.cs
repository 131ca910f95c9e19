using Microsoft.Data.Sqlite;
using Vigil.Domain.Incidents;
using Vigil.Ingestion;
using Vigil.Ingestion.Normalization;
using Vigil.Storage.Relational;
using Vigil.TestSupport;

namespace Vigil.Storage.Sqlite.Tests;

/// <summary>
/// Schema version 10 brings a database made before event categories and parties by role to the rules the formats
/// now apply: the bundled UCDP file stored as schema 9 stored it (side A the perpetrator, side B the target) and
/// migrated gives each incident the same category and parties as a fresh import of the file, and the monthly
/// rollup, rebuilt with the category, agrees with the incidents.
/// </summary>
public sealed class PartiesMigrationTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void A_schema_9_database_of_ucdp_rows_migrates_to_the_parties_and_categories_of_a_fresh_import()
    {
        var fresh = _dir.File("fresh.db");
        using (var store = SqliteIncidentStore.Open(fresh))
            new Importer(store, IncidentNormalizer.Bundled()).Import(RepoFiles.BundledUcdp, new ImportOptions(), cancellationToken: TestContext.Current.CancellationToken);

        var old = _dir.File("old.db");
        using (var c = new SqliteConnection($"Data Source={old};Pooling=False"))
        {
            c.Open();
            Execute(c, "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
            foreach (var m in Schema.Migrations.Where(m => m.Version <= 9))
            {
                Execute(c, m.Sql(SqliteDialect.Instance));
                Execute(c, $"INSERT INTO schema_migrations VALUES ({m.Version}, '{m.Name.Replace("'", "''", StringComparison.Ordinal)}', '2026-01-01')");
            }
            // The rows as schema 9's UCDP reader wrote them: side A the perpetrator, side B the target, the target type
            // security forces when side B was a state, militants otherwise, civilians in one-sided violence.
            Execute(c, $"ATTACH DATABASE '{fresh}' AS f");
            Execute(c, """
                INSERT INTO imports SELECT * FROM f.imports;
                INSERT INTO incidents (id, revision, dataset, source_id, date_start, date_end, date_precision, country, admin1, admin1_raw,
                    admin2, admin2_raw, location, latitude, longitude, geo_precision, geo_precision_raw, event_type, event_subtype,
                    source_event_type, perpetrator, perpetrator_raw, target, target_raw, target_type, target_type_raw, attribution,
                    killed_low, killed_best, killed_high, killed_phrase, killed_rule, injured_low, injured_best, injured_high,
                    injured_phrase, injured_rule, killed_security_forces, killed_civilians, killed_militants, killed_unknown,
                    perpetrators_included, notes, quality_flags, created_at, updated_at, deleted_at, created_by, created_import_id,
                    created_reason, last_import_id)
                SELECT id, revision, dataset, source_id, date_start, date_end, date_precision, country, admin1, admin1_raw,
                    admin2, admin2_raw, location, latitude, longitude, geo_precision, geo_precision_raw, event_type, event_subtype,
                    source_event_type,
                    CASE WHEN perpetrator_raw IS NOT NULL THEN perpetrator WHEN state_forces_raw IS NOT NULL THEN state_forces ELSE armed_group END,
                    COALESCE(perpetrator_raw, state_forces_raw, armed_group_raw),
                    CASE WHEN target_raw IS NOT NULL THEN target WHEN state_forces_raw IS NOT NULL AND armed_group_raw IS NOT NULL THEN armed_group ELSE other_party END,
                    COALESCE(target_raw, CASE WHEN state_forces_raw IS NOT NULL THEN COALESCE(armed_group_raw, other_party_raw) ELSE other_party_raw END),
                    CASE WHEN source_event_type LIKE 'ucdp:type_of_violence=3%' THEN 'civilians'
                         WHEN other_party_raw LIKE 'Government of%' THEN 'security-forces' ELSE 'militants' END,
                    target_type_raw, attribution,
                    killed_low, killed_best, killed_high, killed_phrase, killed_rule, injured_low, injured_best, injured_high,
                    injured_phrase, injured_rule, killed_security_forces, killed_civilians, killed_militants, killed_unknown,
                    perpetrators_included, notes, quality_flags, created_at, updated_at, deleted_at, created_by, created_import_id,
                    created_reason, last_import_id
                FROM f.incidents;
                INSERT INTO incident_sources SELECT incident_id, ordinal, name, published, headline, url FROM f.incident_sources;
                INSERT INTO revisions SELECT * FROM f.revisions;
                INSERT INTO datasets SELECT * FROM f.datasets;
                """);
            Execute(c, "DETACH DATABASE f");
        }

        using var migrated = SqliteIncidentStore.Open(old);
        using var expected = SqliteIncidentStore.Open(fresh);
        var after = migrated.Query(IncidentQuery.All).ToDictionary(i => i.Id);
        var want = expected.Query(IncidentQuery.All).ToList();

        Assert.Equal(Schema.LatestVersion, migrated.GetInfo().SchemaVersion);
        Assert.Equal(want.Count, after.Count);
        Assert.All(want, w =>
        {
            var a = after[w.Id];
            Assert.Equal((w.Category, w.Perpetrator, w.Target, w.StateForces, w.ArmedGroup, w.OtherParty, w.TargetType),
                (a.Category, a.Perpetrator, a.Target, a.StateForces, a.ArmedGroup, a.OtherParty, a.TargetType));
        });
        foreach (var breakdown in new[] { GroupBy.Category, GroupBy.Perpetrator, GroupBy.None })
        {
            var whole = new IncidentQuery { From = new DateOnly(1989, 1, 1), To = new DateOnly(2021, 12, 31) };
            Assert.Equal(expected.AggregateMonthly(whole, breakdown).OrderBy(r => (r.Day, r.Key)), migrated.AggregateMonthly(whole, breakdown).OrderBy(r => (r.Day, r.Key)));
        }
    }

    private static void Execute(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public void Dispose() => _dir.Dispose();
}

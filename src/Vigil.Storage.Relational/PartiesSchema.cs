namespace Vigil.Storage.Relational;

/// <summary>
/// Schema version 10: an incident's event category, its parties by role (state forces, armed group, a second side)
/// and whether it was a suicide attack. Existing rows are brought to the rules the dataset formats now apply
/// (docs/method.md, "Event categories and parties"), decided from what each row already keeps (the dataset's own
/// type in <c>source_event_type</c>, the parties as the source named them): UCDP's sides of a state-based or
/// non-state conflict event stop being "perpetrator" and "target"; GTD's "Unknown" group is no actor; a US drone
/// strike's United States is the state forces, and its weapon aerial. GTD rows keep no weapon type: re-importing a
/// GTD file fills it. ACLED rows are decided by the actors' names (the files' inter codes
/// were not kept); re-importing an ACLED file applies the full rule. The monthly rollup gains the category.
/// </summary>
internal static class PartiesSchema
{
    private const string State = "LIKE 'Government of%'";

    public static string Sql(ISqlDialect d) => $"""
        ALTER TABLE incidents ADD COLUMN category TEXT NOT NULL DEFAULT 'other';
        ALTER TABLE incidents ADD COLUMN state_forces TEXT;
        ALTER TABLE incidents ADD COLUMN state_forces_raw TEXT;
        ALTER TABLE incidents ADD COLUMN armed_group TEXT;
        ALTER TABLE incidents ADD COLUMN armed_group_raw TEXT;
        ALTER TABLE incidents ADD COLUMN other_party TEXT;
        ALTER TABLE incidents ADD COLUMN other_party_raw TEXT;
        ALTER TABLE incidents ADD COLUMN suicide INTEGER;
        ALTER TABLE incidents ADD COLUMN weapon TEXT;

        UPDATE incidents SET
            state_forces = perpetrator, state_forces_raw = perpetrator_raw,
            armed_group = CASE WHEN target_raw {State} THEN NULL ELSE target END,
            armed_group_raw = CASE WHEN target_raw {State} THEN NULL ELSE target_raw END,
            other_party = CASE WHEN target_raw {State} THEN target END,
            other_party_raw = CASE WHEN target_raw {State} THEN target_raw END,
            perpetrator = NULL, perpetrator_raw = NULL, target = NULL, target_raw = NULL, target_type = NULL,
            category = CASE WHEN event_type = 'air-or-drone-strike' THEN 'security-operation' ELSE 'armed-clash' END,
            weapon = CASE WHEN event_type = 'air-or-drone-strike' THEN 'aerial' END
        WHERE source_event_type LIKE 'ucdp:type_of_violence=1%';
        UPDATE incidents SET
            armed_group = perpetrator, armed_group_raw = perpetrator_raw, other_party = target, other_party_raw = target_raw,
            perpetrator = NULL, perpetrator_raw = NULL, target = NULL, target_raw = NULL, target_type = NULL,
            category = 'armed-clash'
        WHERE source_event_type LIKE 'ucdp:type_of_violence=2%';
        UPDATE incidents SET category = CASE WHEN perpetrator_raw {State} THEN 'other' ELSE 'militant-attack' END
        WHERE source_event_type LIKE 'ucdp:type_of_violence=3%';

        UPDATE incidents SET
            category = 'militant-attack',
            suicide = CASE WHEN source_event_type LIKE '% (suicide)' THEN 1 ELSE 0 END,
            perpetrator = CASE WHEN perpetrator_raw = 'Unknown' THEN NULL ELSE perpetrator END,
            perpetrator_raw = CASE WHEN perpetrator_raw = 'Unknown' THEN NULL ELSE perpetrator_raw END
        WHERE source_event_type LIKE 'gtd:%';
        UPDATE incidents SET category = 'militant-attack', suicide = 1, weapon = 'explosives' WHERE source_event_type = 'pbc:suicide attack';
        UPDATE incidents SET
            category = 'security-operation', weapon = 'aerial', state_forces = perpetrator, state_forces_raw = perpetrator_raw,
            perpetrator = NULL, perpetrator_raw = NULL
        WHERE source_event_type = 'pbc:drone strike';

        UPDATE incidents SET category = CASE
                WHEN source_event_type LIKE 'acled:Battles/%' THEN 'armed-clash'
                WHEN {IsStateActor("perpetrator_raw")} THEN 'other'
                ELSE 'militant-attack' END,
            suicide = CASE WHEN source_event_type LIKE '%/Suicide bomb' THEN 1 END,
            weapon = CASE
                WHEN source_event_type LIKE '%/Suicide bomb' OR source_event_type LIKE '%/Remote explosive/landmine/IED' OR source_event_type LIKE '%/Grenade' THEN 'explosives'
                WHEN source_event_type LIKE '%/Air/drone strike' THEN 'aerial'
                WHEN source_event_type LIKE '%/Shelling/artillery/missile attack' THEN 'artillery' END
        WHERE source_event_type LIKE 'acled:Explosions/Remote violence/%' OR source_event_type LIKE 'acled:Violence against civilians/%'
            OR source_event_type LIKE 'acled:Battles/%';
        UPDATE incidents SET
            state_forces = CASE WHEN {IsStateActor("perpetrator_raw")} THEN perpetrator WHEN {IsStateActor("target_raw")} THEN target END,
            state_forces_raw = CASE WHEN {IsStateActor("perpetrator_raw")} THEN perpetrator_raw WHEN {IsStateActor("target_raw")} THEN target_raw END,
            armed_group = CASE WHEN NOT {IsStateActor("perpetrator_raw")} THEN perpetrator WHEN NOT {IsStateActor("target_raw")} THEN target END,
            armed_group_raw = CASE WHEN NOT {IsStateActor("perpetrator_raw")} THEN perpetrator_raw WHEN NOT {IsStateActor("target_raw")} THEN target_raw END,
            other_party = CASE WHEN {IsStateActor("perpetrator_raw")} = {IsStateActor("target_raw")} THEN target END,
            other_party_raw = CASE WHEN {IsStateActor("perpetrator_raw")} = {IsStateActor("target_raw")} THEN target_raw END,
            perpetrator = NULL, perpetrator_raw = NULL, target = NULL, target_raw = NULL, target_type = NULL
        WHERE source_event_type LIKE 'acled:Battles/%' OR (source_event_type NOT LIKE 'acled:Explosions/Remote violence/%'
            AND source_event_type NOT LIKE 'acled:Violence against civilians/%' AND source_event_type LIKE 'acled:%');

        UPDATE incidents SET category = CASE
                WHEN event_type IN ('air-or-drone-strike', 'security-operation') THEN 'security-operation'
                WHEN event_type = 'armed-clash' THEN 'armed-clash'
                WHEN event_type IN ('cross-border-attack', 'other') THEN 'other'
                WHEN perpetrator_raw {State} THEN 'other'
                ELSE 'militant-attack' END,
            suicide = CASE WHEN event_type = 'suicide-bombing' THEN 1 END
        WHERE source_event_type IS NULL OR (source_event_type NOT LIKE 'ucdp:%' AND source_event_type NOT LIKE 'gtd:%'
            AND source_event_type NOT LIKE 'pbc:%' AND source_event_type NOT LIKE 'acled:%');

        DROP TABLE monthly_rollup;
        CREATE TABLE monthly_rollup (
            month TEXT NOT NULL,
            country TEXT NOT NULL,
            admin1 TEXT NOT NULL,
            perpetrator TEXT NOT NULL,
            event_type TEXT NOT NULL,
            target_type TEXT NOT NULL,
            dataset TEXT NOT NULL,
            category TEXT NOT NULL,
            incidents BIGINT NOT NULL,
            killed_low BIGINT NOT NULL,
            killed_best BIGINT NOT NULL,
            killed_high BIGINT NOT NULL,
            killed_unknown BIGINT NOT NULL,
            injured_low BIGINT NOT NULL,
            injured_best BIGINT NOT NULL,
            injured_high BIGINT NOT NULL,
            injured_unknown BIGINT NOT NULL,
            PRIMARY KEY (month, country, admin1, perpetrator, event_type, target_type, dataset, category)
        ){d.ClusteredByKey};
        {RollupV11Sql};
        CREATE INDEX ix_incidents_category ON incidents (category, date_start);
        """;

    /// <summary>The rollup's fill as schema version 11 knew it (before grades), for databases that pass through it.</summary>
    private const string RollupV11Sql = """
        INSERT INTO monthly_rollup (month, country, admin1, perpetrator, event_type, target_type, dataset, category,
            incidents, killed_low, killed_best, killed_high, killed_unknown, injured_low, injured_best, injured_high, injured_unknown)
        SELECT substr(date_start, 1, 7), COALESCE(country, ''), COALESCE(admin1, ''), COALESCE(perpetrator, perpetrator_raw, ''),
               event_type, COALESCE(target_type, ''), COALESCE(dataset, ''), category,
               COUNT(*), COALESCE(SUM(COALESCE(killed_low, killed_best)), 0), COALESCE(SUM(killed_best), 0),
               COALESCE(SUM(COALESCE(killed_high, killed_best)), 0), SUM(CASE WHEN killed_best IS NULL THEN 1 ELSE 0 END),
               COALESCE(SUM(COALESCE(injured_low, injured_best)), 0), COALESCE(SUM(injured_best), 0),
               COALESCE(SUM(COALESCE(injured_high, injured_best)), 0), SUM(CASE WHEN injured_best IS NULL THEN 1 ELSE 0 END)
        FROM incidents
        WHERE deleted_at IS NULL
        GROUP BY substr(date_start, 1, 7), COALESCE(country, ''), COALESCE(admin1, ''), COALESCE(perpetrator, perpetrator_raw, ''),
                 event_type, COALESCE(target_type, ''), COALESCE(dataset, ''), category
        """;

    /// <summary>Whether an ACLED actor column names the state (the names ACLED gives state forces).</summary>
    private static string IsStateActor(string column) =>
        $"(COALESCE({column}, '') LIKE 'Military Forces of%' OR COALESCE({column}, '') LIKE 'Police Forces of%' OR COALESCE({column}, '') {State})";
}

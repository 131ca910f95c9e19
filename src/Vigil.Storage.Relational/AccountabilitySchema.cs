namespace Vigil.Storage.Relational;

/// <summary>
/// Migration 5: engagements, commitments and their implementation scores, crossings and their status
/// events. Items are keyed by a text key people choose (unique), with a database id beside it; lists that
/// are only ever read whole (parties, topics, sources, the indicator) are JSON text. Dates are ISO text.
/// </summary>
internal static class AccountabilitySchema
{
    public static string Sql(ISqlDialect d) => $"""
        CREATE TABLE engagements (
            id {d.IdentityPrimaryKey},
            engagement_key TEXT NOT NULL UNIQUE,
            date_start TEXT NOT NULL,
            date_end TEXT,
            place TEXT,
            format TEXT NOT NULL,
            parties TEXT NOT NULL,
            delegation TEXT NOT NULL,
            topics TEXT NOT NULL,
            outcome TEXT,
            sources TEXT NOT NULL,
            sample INTEGER NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (date_end IS NULL OR date_end >= date_start)
        );
        CREATE TABLE commitments (
            id {d.IdentityPrimaryKey},
            commitment_key TEXT NOT NULL UNIQUE,
            engagement_key TEXT NOT NULL REFERENCES engagements (engagement_key),
            made_on TEXT NOT NULL,
            made_by TEXT NOT NULL,
            made_to TEXT,
            words TEXT NOT NULL,
            source TEXT,
            category TEXT,
            deadline TEXT,
            indicator TEXT NOT NULL,
            sample INTEGER NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX ix_commitments_made_by ON commitments (made_by, made_on);
        CREATE TABLE implementation_scores (
            id {d.IdentityPrimaryKey},
            commitment_key TEXT NOT NULL REFERENCES commitments (commitment_key),
            assessed_on TEXT NOT NULL,
            score INTEGER NOT NULL,
            evidence TEXT NOT NULL,
            analyst TEXT,
            source TEXT,
            recorded_at TEXT NOT NULL,
            CHECK (score >= 0 AND score <= 3)
        );
        CREATE INDEX ix_implementation_scores_commitment ON implementation_scores (commitment_key, assessed_on);
        CREATE TABLE crossings (
            id {d.IdentityPrimaryKey},
            crossing_key TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            pakistan_name TEXT,
            afghanistan_name TEXT,
            region TEXT,
            latitude DOUBLE PRECISION NOT NULL,
            longitude DOUBLE PRECISION NOT NULL,
            crossing_type TEXT NOT NULL,
            coordinates_source TEXT,
            updated_at TEXT NOT NULL,
            CHECK (latitude >= -90 AND latitude <= 90 AND longitude >= -180 AND longitude <= 180)
        );
        CREATE TABLE crossing_events (
            id {d.IdentityPrimaryKey},
            crossing_key TEXT NOT NULL REFERENCES crossings (crossing_key),
            status TEXT NOT NULL,
            date_from TEXT NOT NULL,
            reason TEXT,
            source TEXT,
            sample INTEGER NOT NULL,
            recorded_at TEXT NOT NULL
        );
        CREATE INDEX ix_crossing_events_crossing ON crossing_events (crossing_key, date_from);
        """;
}

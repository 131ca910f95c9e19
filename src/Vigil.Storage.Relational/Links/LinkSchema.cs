namespace Vigil.Storage.Relational.Links;

/// <summary>
/// Schema version 9: <c>incident_links</c>, pairs of records of different datasets taken for one event. A pair is
/// stored once, lowest incident id first (a CHECK holds it), so "is this incident linked" is one index lookup on
/// either column; the status is <c>linked</c>, <c>ambiguous</c> (left for an analyst) or <c>rejected</c>.
/// </summary>
internal static class LinkSchema
{
    public static string Sql(ISqlDialect d) => $"""
        CREATE TABLE incident_links (
            id {d.IdentityPrimaryKey},
            incident_a BIGINT NOT NULL REFERENCES incidents (id),
            incident_b BIGINT NOT NULL REFERENCES incidents (id),
            dataset_a TEXT NOT NULL,
            dataset_b TEXT NOT NULL,
            status TEXT NOT NULL,
            reason TEXT NOT NULL,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            decided_at TEXT,
            decided_by TEXT,
            decision_reason TEXT,
            CHECK (incident_a < incident_b),
            CHECK (status IN ('linked', 'ambiguous', 'rejected'))
        );
        CREATE UNIQUE INDEX ux_incident_links_pair ON incident_links (incident_a, incident_b);
        CREATE INDEX ix_incident_links_a ON incident_links (incident_a, status);
        CREATE INDEX ix_incident_links_b ON incident_links (incident_b, status);
        CREATE INDEX ix_incident_links_datasets ON incident_links (dataset_a, dataset_b, status);
        """;
}

namespace Vigil.Storage;

/// <summary>
/// One open Vigil database (SQLite or PostgreSQL) and the stores it hands out, all on one connection: use it from
/// one thread, dispose it when done. The application layer reaches storage only through this and the store ports.
/// </summary>
public interface IVigilDatabase : IDisposable
{
    /// <summary>What to call the database in messages (a file path, or a PostgreSQL address without its password).</summary>
    string Location { get; }

    int SchemaVersion { get; }

    /// <summary>
    /// The past moment every answer of this database is as of (read-only), or null for the data as it is now.
    /// Surfaces print it beside the scope ("as of 2026-03-31 00:00 UTC").
    /// </summary>
    DateTimeOffset? AsOf => null;

    IIncidentStore Incidents { get; }

    ICandidateQueue Candidates { get; }

    IAccountabilityStore Accountability { get; }

    IAccessStore Access { get; }

    IAcceptedClaimStore AcceptedClaims { get; }

    IDatasetStore Datasets { get; }
    /// <summary>The links between records of different datasets that describe one event.</summary>
    IIncidentLinkStore Links { get; }

    /// <summary>Analysts' key findings for monthly assessments.</summary>
    IReportNoteStore ReportNotes { get; }

    /// <summary>The assessments published, each with its scope, data version, moment and figures.</summary>
    IPublishedReportStore PublishedReports { get; }

    /// <summary>The news feeds watched and the items read from them.</summary>
    IFeedStore Feeds { get; }

    /// <summary>The source registry: reliability grades, types, and the history of every edit.</summary>
    ISourceRegistry Sources { get; }
}

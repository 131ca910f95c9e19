using Vigil.Storage.Relational.Links;

namespace Vigil.Storage.Relational;

/// <summary>
/// An open relational database and its stores, all on the incident store's one connection (so they share its
/// transactions). Disposing it closes the connection.
/// </summary>
public sealed class RelationalDatabase(RelationalIncidentStore store) : IVigilDatabase
{
    private CandidateQueue? _candidates;
    private RelationalAccountabilityStore? _accountability;
    private AcceptedClaims? _acceptedClaims;
    private RelationalDatasetStore? _datasets;
    private RelationalLinkStore? _links;
    private RelationalReportNotes? _reportNotes;
    private RelationalFeedStore? _feeds;
    private RelationalPublishedReports? _published;

    /// <summary>
    /// The database as it was at <paramref name="moment"/>, read-only, on <paramref name="store"/>'s connection (a connection
    /// of its own, not pooled: its temporary views must not outlive it). See <see cref="Past.PastState"/>.
    /// </summary>
    public static RelationalDatabase AsOfMoment(RelationalIncidentStore store, DateTimeOffset moment)
    {
        Past.PastState.Install(store, moment);
        return new RelationalDatabase(store) { AsOf = moment.ToUniversalTime() };
    }

    public DateTimeOffset? AsOf { get; private init; }

    private RelationalSourceRegistry? _sources;

    public string Location => store.Location;

    public int SchemaVersion => store.SchemaVersion;

    public IIncidentStore Incidents => store;

    public ICandidateQueue Candidates => _candidates ??= new CandidateQueue(store);

    public IAccountabilityStore Accountability => _accountability ??= new RelationalAccountabilityStore(store);

    public IAccessStore Access => store.AccessStore;

    public IAcceptedClaimStore AcceptedClaims => _acceptedClaims ??= new AcceptedClaims(store);

    public IIncidentLinkStore Links => _links ??= new RelationalLinkStore(store);

    public IDatasetStore Datasets => _datasets ??= new RelationalDatasetStore(store);

    public IReportNoteStore ReportNotes => _reportNotes ??= new RelationalReportNotes(store);

    public IFeedStore Feeds => _feeds ??= new RelationalFeedStore(store);

    public IPublishedReportStore PublishedReports => _published ??= new RelationalPublishedReports(store);

    public ISourceRegistry Sources => _sources ??= new RelationalSourceRegistry(store);

    /// <summary>The relational store itself, for the storage projects' own tools (copies, backups).</summary>
    public RelationalIncidentStore Store => store;

    public void Dispose() => store.Dispose();
}

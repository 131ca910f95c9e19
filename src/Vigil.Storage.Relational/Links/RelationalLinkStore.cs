namespace Vigil.Storage.Relational.Links;

/// <summary>
/// The links between datasets (table <c>incident_links</c>, schema version 9) on the incident store's connection:
/// writing (<see cref="LinkWriter"/>), reading (<see cref="LinkReader"/>) and decisions (<see cref="LinkDecisions"/>).
/// </summary>
public sealed class RelationalLinkStore : IIncidentLinkStore
{
    private readonly LinkWriter _writer;
    private readonly LinkReader _reader;
    private readonly LinkDecisions _decisions;

    public RelationalLinkStore(RelationalIncidentStore store)
    {
        _writer = new LinkWriter(store);
        _reader = new LinkReader(store);
        _decisions = new LinkDecisions(store, _reader);
    }

    public LinkAddResult Add(IReadOnlyList<LinkProposal> links, string by) => _writer.Add(links, by);

    public LinkPage List(LinkQuery query) => _reader.List(query);

    public IncidentLink? Get(long id) => _reader.Get(null, id);

    public IncidentLink SetStatus(long id, LinkStatus status, string by, string? reason) => _decisions.SetStatus(id, status, by, reason);

    public int RemoveBetween(string datasetA, string datasetB) => _decisions.RemoveBetween(datasetA, datasetB);

    public IReadOnlyList<IncidentLink> LinkedWith(long incidentId) => _reader.LinkedWith(incidentId);
}

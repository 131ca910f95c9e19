namespace Vigil.Storage;

/// <summary>
/// Links between records of different datasets that describe one real event (table <c>incident_links</c>). A link
/// never merges anything: each dataset keeps its own record, and a combined figure uses the links to count the event
/// once. Every change raises the data version, since cached figures depend on the links.
/// </summary>
public interface IIncidentLinkStore
{
    /// <summary>
    /// Stores proposed links in one transaction. Idempotent: a pair already stored is left as it is (counted as
    /// already present), and a pair an analyst rejected is never added again (counted as skipped).
    /// </summary>
    LinkAddResult Add(IReadOnlyList<LinkProposal> links, string by);

    /// <summary>One page of links in id order, and how many match the filter in all.</summary>
    LinkPage List(LinkQuery query);

    /// <summary>One link by id, or null.</summary>
    IncidentLink? Get(long id);

    /// <summary>
    /// An analyst's decision: <see cref="LinkStatus.Linked"/> confirms an ambiguous (or rejected) link,
    /// <see cref="LinkStatus.Rejected"/> rejects a linked or ambiguous one; recorded with who, when and why.
    /// Returns the link as decided.
    /// </summary>
    /// <exception cref="Domain.Errors.NotFoundException">No link with this id.</exception>
    /// <exception cref="Domain.Errors.VigilException">The link already has that status, or the status is not a decision.</exception>
    IncidentLink SetStatus(long id, LinkStatus status, string by, string? reason);

    /// <summary>
    /// Removes the linked and ambiguous links between two datasets (either order), undoing a run; rejections are
    /// kept, so that a later run still honours them. Returns how many were removed.
    /// </summary>
    int RemoveBetween(string datasetA, string datasetB);

    /// <summary>The confirmed links (<see cref="LinkStatus.Linked"/>) of one incident, from either side: the other members of its event.</summary>
    IReadOnlyList<IncidentLink> LinkedWith(long incidentId);
}

/// <summary>What an analyst and a run may say about a pair of records.</summary>
public enum LinkStatus
{
    /// <summary>One event: a unique match, or an ambiguous pair an analyst confirmed.</summary>
    Linked,
    /// <summary>One of several equally good candidates: left for an analyst.</summary>
    Ambiguous,
    /// <summary>Not one event, said by an analyst; never linked again by a run.</summary>
    Rejected,
}

/// <summary>A link a run proposes: two records (any order; stored lowest id first), their datasets, the status and the matcher's why.</summary>
public sealed record LinkProposal(long Incident, string Dataset, long Other, string OtherDataset, LinkStatus Status, string Reason);

/// <summary>What storing proposals did: new linked and ambiguous pairs, pairs already stored, pairs skipped because rejected.</summary>
public sealed record LinkAddResult(int Linked, int Ambiguous, int AlreadyPresent, int SkippedRejected);

/// <summary>
/// A stored link (<see cref="IncidentA"/> &lt; <see cref="IncidentB"/>, each with its dataset). Timestamps are ISO UTC
/// text; <see cref="DecidedAt"/>, <see cref="DecidedBy"/> and <see cref="DecisionReason"/> are null until an analyst decides.
/// </summary>
public sealed record IncidentLink(
    long Id, long IncidentA, long IncidentB, string DatasetA, string DatasetB, LinkStatus Status, string Reason,
    string CreatedAt, string CreatedBy, string? DecidedAt, string? DecidedBy, string? DecisionReason)
{
    /// <summary>The other member of the pair.</summary>
    public long OtherThan(long incidentId) => incidentId == IncidentA ? IncidentB : IncidentA;
}

/// <summary>
/// A filter over links: up to two datasets (one: links with a record of it; two: links between them), a status, an
/// incident on either side; paged by <see cref="Limit"/> and <see cref="Offset"/> in id order.
/// </summary>
public sealed record LinkQuery
{
    public IReadOnlyList<string> Datasets { get; init; } = [];
    public LinkStatus? Status { get; init; }
    public long? IncidentId { get; init; }
    public int Limit { get; init; } = 100;
    public int Offset { get; init; }
}

/// <summary>One page of links and the number of all links the filter matches.</summary>
public sealed record LinkPage(IReadOnlyList<IncidentLink> Links, long Total);

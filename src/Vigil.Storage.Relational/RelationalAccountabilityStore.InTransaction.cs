using System.Data.Common;
using Vigil.Domain.Accountability;
using Vigil.Domain.Border;

namespace Vigil.Storage.Relational;

/// <summary>Writes that join a caller's transaction (accepting an extraction candidate marks the candidate in the same one).</summary>
public sealed partial class RelationalAccountabilityStore
{
    /// <summary>
    /// Records a status event inside the caller's transaction (its crossing must exist) and returns it with its
    /// sequence; the same event (crossing, day, status) already recorded is returned as it is, not written twice.
    /// </summary>
    public StatusEvent AddStatusEventIn(DbTransaction tx, StatusEvent statusEvent)
    {
        CheckReferences(tx, AccountabilitySet.Empty with { StatusEvents = [statusEvent] });
        var existing = RecordedEventId(tx, statusEvent);
        return statusEvent with { Sequence = existing != 0 ? existing : InsertEvent(tx, statusEvent, Now()) };
    }

    /// <summary>Whether an engagement with this key is stored (read in <paramref name="tx"/> when given).</summary>
    public bool HasEngagement(DbTransaction? tx, string key) => Exists(tx, "engagements", "engagement_key", key);

    /// <summary>Whether a commitment with this key is stored (read in <paramref name="tx"/> when given).</summary>
    public bool HasCommitment(DbTransaction? tx, string key) => Exists(tx, "commitments", "commitment_key", key);

    public bool HasEngagement(IStoreTransaction? tx, string key) => HasEngagement(tx is null ? null : RelationalTransaction.Of(tx), key);

    public bool HasCommitment(IStoreTransaction? tx, string key) => HasCommitment(tx is null ? null : RelationalTransaction.Of(tx), key);

    public AccountabilitySaveSummary SaveIn(IStoreTransaction tx, AccountabilitySet set) => SaveIn(RelationalTransaction.Of(tx), set);

    public StatusEvent AddStatusEventIn(IStoreTransaction tx, StatusEvent statusEvent) => AddStatusEventIn(RelationalTransaction.Of(tx), statusEvent);
}

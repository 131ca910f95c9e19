using Vigil.Domain.Accountability;
using Vigil.Domain.Border;

namespace Vigil.Storage;

/// <summary>
/// Where engagements, commitments, implementation scores, crossings and their status events live. Items are
/// identified by their keys; saving an item whose key exists replaces it. Scores and status events are
/// history: they are only added, and one identical to a stored one is not added twice.
/// </summary>
public interface IAccountabilityStore
{
    IReadOnlyList<Engagement> GetEngagements();

    /// <summary>Every commitment with its scores (oldest first), by date made.</summary>
    IReadOnlyList<Commitment> GetCommitments();

    IReadOnlyList<Crossing> GetCrossings();

    /// <summary>Every status event, in the order recorded (<see cref="StatusEvent.Sequence"/>).</summary>
    IReadOnlyList<StatusEvent> GetStatusEvents();

    /// <summary>Writes the whole set in one transaction: all of it or, on any failure, none of it.</summary>
    /// <exception cref="Domain.Errors.VigilException">A reference to an engagement or crossing that neither the set nor the store holds.</exception>
    AccountabilitySaveSummary Save(AccountabilitySet set);

    /// <summary>Adds one implementation score to a commitment's history.</summary>
    /// <exception cref="Domain.Errors.NotFoundException">No such commitment.</exception>
    void AddScore(string commitmentKey, ImplementationScore score);

    /// <summary>Adds one status event; returns it with its sequence number.</summary>
    /// <exception cref="Domain.Errors.NotFoundException">No such crossing.</exception>
    StatusEvent AddStatusEvent(StatusEvent statusEvent);

    /// <summary>Whether an engagement with this key is stored (read in <paramref name="tx"/> when given).</summary>
    bool HasEngagement(IStoreTransaction? tx, string key);

    /// <summary>Whether a commitment with this key is stored (read in <paramref name="tx"/> when given).</summary>
    bool HasCommitment(IStoreTransaction? tx, string key);

    /// <summary>Saves a set inside the caller's transaction (references checked in it too); the caller commits.</summary>
    AccountabilitySaveSummary SaveIn(IStoreTransaction tx, AccountabilitySet set);

    /// <summary>Records a status event inside the caller's transaction; the same event already recorded is returned as it is.</summary>
    StatusEvent AddStatusEventIn(IStoreTransaction tx, StatusEvent statusEvent);
}

/// <summary>What a save changed: items added or replaced, history entries added (identical ones skipped).</summary>
public sealed record AccountabilitySaveSummary(int Engagements, int Commitments, int Scores, int Crossings, int StatusEvents, int SkippedDuplicates);

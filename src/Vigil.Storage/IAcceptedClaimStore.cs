namespace Vigil.Storage;

/// <summary>The statistical claims accepted from the news, checked against the data whenever they are shown.</summary>
public interface IAcceptedClaimStore
{
    /// <summary>Stores an accepted claim inside the caller's transaction; returns its id.</summary>
    long Add(IStoreTransaction tx, ExtractionCandidate candidate, string by);

    /// <summary>Every accepted claim, in the order accepted.</summary>
    IReadOnlyList<AcceptedClaim> List();
}

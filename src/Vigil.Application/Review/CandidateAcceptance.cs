using System.Globalization;
using Vigil.Application.Incidents;
using Vigil.Domain.Accountability;
using Vigil.Domain.Border;
using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;
using Vigil.Extraction.Review;
using Vigil.Storage;

namespace Vigil.Application.Review;

/// <summary>What an accepted candidate became: an incident (reports) or what <see cref="ExtractionCandidate.AcceptedAs"/> says.</summary>
public sealed record Acceptance(long CandidateId, string Kind, long? IncidentId, string? AcceptedAs)
{
    /// <summary>"candidate 7 accepted into incident 12" or "candidate 7 accepted as engagement news-7".</summary>
    public string Describe() => IncidentId is { } incident
        ? string.Create(CultureInfo.InvariantCulture, $"candidate {CandidateId} accepted into incident {incident}")
        : string.Create(CultureInfo.InvariantCulture, $"candidate {CandidateId} accepted as {AcceptedAs?.Replace(':', ' ')}");
}

/// <summary>
/// Accepting a pending candidate of any kind with the analyst's field edits, for the command line, the API and
/// the dashboard: a report becomes an incident; an engagement, a commitment or a border event is saved in the
/// accountability store; a claim is added to the accepted claims. Each accept is ONE transaction with the marking
/// of the candidate; a refused accept (a bad edit, a missing engagement or crossing) writes nothing.
/// </summary>
public static class CandidateAcceptance
{
    /// <summary>
    /// Accepts a pending candidate with the analyst's <paramref name="edits"/>; a report dated after
    /// <paramref name="limit"/> is refused naming <c>date</c>.
    /// </summary>
    public static Acceptance Accept(IVigilDatabase db, long id, string by, IReadOnlyList<KeyValuePair<string, string>> edits, DateLimit limit)
    {
        var queue = db.Candidates;
        var candidate = queue.Get(id) is { Status: CandidateStatus.Pending } c ? c : throw new NotFoundException($"pending candidate {id}");
        if (candidate.Kind == "report")
        {
            var incident = queue.Accept(id, by, x => limit.Check(ReportIncident.Edit(ReportIncident.FromPayload(x.Payload), edits), field: "date"));
            return new Acceptance(id, candidate.Kind, incident.Id, null);
        }
        var article = new CandidateArticle(candidate.Id, candidate.ArticleId, candidate.Source, candidate.Url,
            candidate.Published is { } p ? DateOnly.ParseExact(p, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null, candidate.Evidence);
        var accountability = db.Accountability;
        Func<IStoreTransaction, ExtractionCandidate, string> write = candidate.Kind switch
        {
            "engagement" => Engagement(accountability, EngagementAcceptance.FromPayload(candidate.Payload, article, edits)),
            "commitment" => Commitment(accountability, CommitmentAcceptance.FromPayload(candidate.Payload, article, edits, ArticleEngagement(queue, candidate))),
            "border-event" => StatusEvent(accountability, BorderEventAcceptance.FromPayload(candidate.Payload, article, edits, accountability.GetCrossings())),
            "claim" => Claim(db.AcceptedClaims, candidate, edits, by),
            _ => throw new VigilException($"candidate {id} is a {candidate.Kind}; there is no way to accept that kind"),
        };
        var accepted = queue.AcceptAs(id, by, write);
        return new Acceptance(id, candidate.Kind, null, accepted.AcceptedAs);
    }

    /// <summary>
    /// Accepts a pending report candidate into an existing incident, a recorded (undoable) merge: the article becomes
    /// a source; the incident's figures stand unless it has none or <paramref name="useFigures"/>
    /// (<see cref="ReviewDecisions.MergeIntoIncident"/>).
    /// </summary>
    public static Acceptance MergeInto(IVigilDatabase db, long id, long incidentId, string by, bool useFigures)
    {
        var incident = db.Candidates.AcceptInto(id, incidentId, by, (c, current) => ReviewDecisions.MergeIntoIncident(current, [c.Payload], useFigures));
        return new Acceptance(id, "report", incident.Id, null);
    }

    private static Func<IStoreTransaction, ExtractionCandidate, string> Engagement(IAccountabilityStore accountability, Engagement engagement) =>
        (tx, _) =>
        {
            if (accountability.HasEngagement(tx, engagement.Key))
                throw new FieldException("key", $"engagement '{engagement.Key}' already exists; set key= to another key");
            accountability.SaveIn(tx, AccountabilitySet.Empty with { Engagements = [engagement] });
            return "engagement:" + engagement.Key;
        };

    private static Func<IStoreTransaction, ExtractionCandidate, string> Commitment(IAccountabilityStore accountability, Commitment commitment) =>
        (tx, _) =>
        {
            if (accountability.HasCommitment(tx, commitment.Key))
                throw new FieldException("key", $"commitment '{commitment.Key}' already exists; set key= to another key");
            if (!accountability.HasEngagement(tx, commitment.EngagementKey))
                throw new FieldException("engagement", $"no engagement '{commitment.EngagementKey}'; accept the article's engagement first or set engagement=KEY");
            accountability.SaveIn(tx, AccountabilitySet.Empty with { Commitments = [commitment] });
            return "commitment:" + commitment.Key;
        };

    private static Func<IStoreTransaction, ExtractionCandidate, string> StatusEvent(IAccountabilityStore accountability, StatusEvent statusEvent) =>
        (tx, _) => "status-event:" + accountability.AddStatusEventIn(tx, statusEvent).Sequence.ToString(CultureInfo.InvariantCulture);

    private static Func<IStoreTransaction, ExtractionCandidate, string> Claim(IAcceptedClaimStore claims, ExtractionCandidate candidate,
        IReadOnlyList<KeyValuePair<string, string>> edits, string by)
    {
        ClaimAcceptance.FromPayload(candidate.Payload, edits);
        return (tx, current) => "claim:" + claims.Add(tx, current, by).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The engagement last accepted from the same article, or null.</summary>
    private static string? ArticleEngagement(ICandidateQueue queue, ExtractionCandidate candidate) =>
        queue.AcceptedFromArticle(candidate.ArticleId, "engagement").Select(a => a["engagement:".Length..]).LastOrDefault();
}

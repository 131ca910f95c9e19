using System.Data.Common;
using System.Globalization;
using Vigil.Domain.Accountability;
using Vigil.Domain.Border;
using Vigil.Domain.Errors;
using Vigil.Domain.Text;

namespace Vigil.Storage.Relational;

/// <summary>
/// <see cref="IAccountabilityStore"/> in portable SQL, on the connection of an open incident store (so both
/// share its transactions' guarantees and its data version: every committed change raises it).
/// </summary>
public sealed partial class RelationalAccountabilityStore(RelationalIncidentStore store) : IAccountabilityStore
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public IReadOnlyList<Engagement> GetEngagements()
    {
        using var cmd = store.Command(null, """
            SELECT engagement_key, date_start, date_end, place, format, parties, delegation, topics, outcome, sources, sample
            FROM engagements ORDER BY date_start, engagement_key
            """);
        using var r = cmd.ExecuteReader();
        var list = new List<Engagement>();
        while (r.Read())
        {
            list.Add(new Engagement
            {
                Key = r.GetString(0),
                Start = Day(r.GetString(1)),
                End = r.IsDBNull(2) ? null : Day(r.GetString(2)),
                Place = Str(r, 3),
                Format = EnumText<EngagementFormat>.Parse(r.GetString(4)),
                Parties = AccountabilityJson.Read<List<string>>(r.GetString(5)),
                Delegation = AccountabilityJson.Read<List<string>>(r.GetString(6)),
                Topics = AccountabilityJson.Read<List<string>>(r.GetString(7)),
                Outcome = Str(r, 8),
                Sources = AccountabilityJson.Read<List<Citation>>(r.GetString(9)),
                Sample = r.GetInt64(10) != 0,
            });
        }
        return list;
    }

    public IReadOnlyList<Commitment> GetCommitments()
    {
        var scores = new Dictionary<string, List<ImplementationScore>>(StringComparer.Ordinal);
        using (var cmd = store.Command(null, "SELECT commitment_key, assessed_on, score, evidence, analyst, source FROM implementation_scores ORDER BY assessed_on, id"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var key = r.GetString(0);
                if (!scores.TryGetValue(key, out var list))
                    scores[key] = list = [];
                list.Add(new ImplementationScore
                {
                    AssessedOn = Day(r.GetString(1)),
                    Score = r.GetInt32(2),
                    Evidence = r.GetString(3),
                    Analyst = Str(r, 4),
                    Source = AccountabilityJson.ReadOrNull<Citation>(Str(r, 5)),
                });
            }
        }
        using var c = store.Command(null, """
            SELECT commitment_key, engagement_key, made_on, made_by, made_to, words, source, category, deadline, indicator, sample
            FROM commitments ORDER BY made_on, commitment_key
            """);
        using var rc = c.ExecuteReader();
        var commitments = new List<Commitment>();
        while (rc.Read())
        {
            var key = rc.GetString(0);
            commitments.Add(new Commitment
            {
                Key = key,
                EngagementKey = rc.GetString(1),
                MadeOn = Day(rc.GetString(2)),
                MadeBy = rc.GetString(3),
                MadeTo = Str(rc, 4),
                Words = rc.GetString(5),
                Source = AccountabilityJson.ReadOrNull<Citation>(Str(rc, 6)),
                Category = Str(rc, 7),
                Deadline = Str(rc, 8) is { } d ? Day(d) : null,
                Indicator = AccountabilityJson.Read<Indicator>(rc.GetString(9)),
                Sample = rc.GetInt64(10) != 0,
                Scores = scores.GetValueOrDefault(key) ?? [],
            });
        }
        return commitments;
    }

    public IReadOnlyList<Crossing> GetCrossings()
    {
        using var cmd = store.Command(null, """
            SELECT crossing_key, name, pakistan_name, afghanistan_name, region, latitude, longitude, crossing_type, coordinates_source
            FROM crossings ORDER BY id
            """);
        using var r = cmd.ExecuteReader();
        var list = new List<Crossing>();
        while (r.Read())
        {
            list.Add(new Crossing
            {
                Key = r.GetString(0),
                Name = r.GetString(1),
                PakistanName = Str(r, 2),
                AfghanistanName = Str(r, 3),
                Region = Str(r, 4),
                Latitude = r.GetDouble(5),
                Longitude = r.GetDouble(6),
                Type = r.GetString(7),
                CoordinatesSource = Str(r, 8),
            });
        }
        return list;
    }

    public IReadOnlyList<StatusEvent> GetStatusEvents()
    {
        using var cmd = store.Command(null, "SELECT id, crossing_key, status, date_from, reason, source, sample FROM crossing_events ORDER BY id");
        using var r = cmd.ExecuteReader();
        var list = new List<StatusEvent>();
        while (r.Read())
        {
            list.Add(new StatusEvent
            {
                Sequence = r.GetInt64(0),
                CrossingKey = r.GetString(1),
                Status = EnumText<CrossingStatus>.Parse(r.GetString(2)),
                From = Day(r.GetString(3)),
                Reason = Str(r, 4),
                Source = AccountabilityJson.ReadOrNull<Citation>(Str(r, 5)),
                Sample = r.GetInt64(6) != 0,
            });
        }
        return list;
    }

    public void AddScore(string commitmentKey, ImplementationScore score)
    {
        if (!HasCommitment((DbTransaction?)null, commitmentKey))
            throw new NotFoundException($"commitment '{commitmentKey}'");
        Save(AccountabilitySet.Empty, tx => InsertScore(tx, commitmentKey, score, Now()));
    }

    public StatusEvent AddStatusEvent(StatusEvent statusEvent)
    {
        if (!Exists(null, "crossings", "crossing_key", statusEvent.CrossingKey))
            throw new NotFoundException($"crossing '{statusEvent.CrossingKey}'");
        var recorded = statusEvent;
        Save(AccountabilitySet.Empty, tx => recorded = AddStatusEventIn(tx, statusEvent));
        return recorded;
    }

    private string Now() => IncidentColumns.Stamp(store.Clock.GetUtcNow());

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", Inv);

    private static string DayText(DateOnly day) => day.ToString("yyyy-MM-dd", Inv);

    private static string? Str(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}

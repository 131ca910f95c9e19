using System.Data.Common;
using Vigil.Domain.Accountability;
using Vigil.Domain.Border;
using Vigil.Domain.Errors;
using Vigil.Domain.Text;

namespace Vigil.Storage.Relational;

public sealed partial class RelationalAccountabilityStore
{
    public AccountabilitySaveSummary Save(AccountabilitySet set)
    {
        CheckReferences(null, set);
        return Save(set, _ => { });
    }

    /// <summary>
    /// Saves a set inside the caller's transaction (references checked in it too): nothing is committed here and
    /// the data version is not raised, so the caller can write more in the same transaction, bump the version and commit.
    /// </summary>
    public AccountabilitySaveSummary SaveIn(DbTransaction tx, AccountabilitySet set)
    {
        CheckReferences(tx, set);
        return Write(tx, set, Now());
    }

    private AccountabilitySaveSummary Save(AccountabilitySet set, Action<DbTransaction> more)
    {
        using var tx = store.Connection.BeginTransaction();
        var summary = Write(tx, set, Now());
        more(tx);
        store.BumpDataVersion(tx);
        tx.Commit();
        return summary;
    }

    private AccountabilitySaveSummary Write(DbTransaction tx, AccountabilitySet set, string now)
    {
        foreach (var e in set.Engagements)
            UpsertEngagement(tx, e, now);
        foreach (var c in set.Crossings)
            UpsertCrossing(tx, c, now);
        int scores = 0, events = 0, skipped = 0;
        foreach (var c in set.Commitments)
        {
            UpsertCommitment(tx, c, now);
            foreach (var s in c.Scores)
            {
                if (ScoreExists(tx, c.Key, s))
                    skipped++;
                else
                {
                    InsertScore(tx, c.Key, s, now);
                    scores++;
                }
            }
        }
        foreach (var e in set.StatusEvents)
        {
            if (EventExists(tx, e))
                skipped++;
            else
            {
                InsertEvent(tx, e, now);
                events++;
            }
        }
        return new AccountabilitySaveSummary(set.Engagements.Count, set.Commitments.Count, scores, set.Crossings.Count, events, skipped);
    }

    /// <summary>Each commitment's engagement and crossing, and each status event's crossing, must be in the set or in the database (read in <paramref name="tx"/>).</summary>
    private void CheckReferences(DbTransaction? tx, AccountabilitySet set)
    {
        bool Engagement(string key) => set.Engagements.Any(e => e.Key == key) || Exists(tx, "engagements", "engagement_key", key);
        bool Crossing(string key) => set.Crossings.Any(c => c.Key == key) || Exists(tx, "crossings", "crossing_key", key);
        foreach (var c in set.Commitments)
        {
            if (!Engagement(c.EngagementKey))
                throw new VigilException($"commitment '{c.Key}': engagement '{c.EngagementKey}' is neither in the set nor in the database");
            if (c.Indicator.Filter.Crossing is { } x && !Crossing(x))
                throw new VigilException($"commitment '{c.Key}': crossing '{x}' is neither in the set nor in the database");
        }
        foreach (var e in set.StatusEvents)
            if (!Crossing(e.CrossingKey))
                throw new VigilException($"status event of {e.From:yyyy-MM-dd}: crossing '{e.CrossingKey}' is neither in the set nor in the database");
    }

    private void UpsertEngagement(DbTransaction tx, Engagement e, string now)
    {
        var sql = Exists(tx, "engagements", "engagement_key", e.Key)
            ? """
              UPDATE engagements SET date_start = @start, date_end = @end, place = @place, format = @format, parties = @parties,
                delegation = @delegation, topics = @topics, outcome = @outcome, sources = @sources, sample = @sample, updated_at = @now
              WHERE engagement_key = @key
              """
            : """
              INSERT INTO engagements (engagement_key, date_start, date_end, place, format, parties, delegation, topics, outcome, sources, sample, updated_at)
              VALUES (@key, @start, @end, @place, @format, @parties, @delegation, @topics, @outcome, @sources, @sample, @now)
              """;
        Run(tx, sql, ("key", e.Key), ("start", DayText(e.Start)), ("end", e.End is { } d ? DayText(d) : null), ("place", e.Place),
            ("format", EnumText<EngagementFormat>.Format(e.Format)), ("parties", AccountabilityJson.Write(e.Parties)),
            ("delegation", AccountabilityJson.Write(e.Delegation)), ("topics", AccountabilityJson.Write(e.Topics)), ("outcome", e.Outcome),
            ("sources", AccountabilityJson.Write(e.Sources)), ("sample", e.Sample ? 1 : 0), ("now", now));
    }

    private void UpsertCommitment(DbTransaction tx, Commitment c, string now)
    {
        var sql = Exists(tx, "commitments", "commitment_key", c.Key)
            ? """
              UPDATE commitments SET engagement_key = @engagement, made_on = @made_on, made_by = @made_by, made_to = @made_to, words = @words,
                source = @source, category = @category, deadline = @deadline, indicator = @indicator, sample = @sample, updated_at = @now
              WHERE commitment_key = @key
              """
            : """
              INSERT INTO commitments (commitment_key, engagement_key, made_on, made_by, made_to, words, source, category, deadline, indicator, sample, updated_at)
              VALUES (@key, @engagement, @made_on, @made_by, @made_to, @words, @source, @category, @deadline, @indicator, @sample, @now)
              """;
        Run(tx, sql, ("key", c.Key), ("engagement", c.EngagementKey), ("made_on", DayText(c.MadeOn)), ("made_by", c.MadeBy), ("made_to", c.MadeTo),
            ("words", c.Words), ("source", AccountabilityJson.WriteOrNull(c.Source)), ("category", c.Category),
            ("deadline", c.Deadline is { } d ? DayText(d) : null), ("indicator", AccountabilityJson.Write(c.Indicator)),
            ("sample", c.Sample ? 1 : 0), ("now", now));
    }

    private void UpsertCrossing(DbTransaction tx, Crossing c, string now)
    {
        var sql = Exists(tx, "crossings", "crossing_key", c.Key)
            ? """
              UPDATE crossings SET name = @name, pakistan_name = @pk, afghanistan_name = @af, region = @region, latitude = @lat, longitude = @lon,
                crossing_type = @type, coordinates_source = @coords, updated_at = @now
              WHERE crossing_key = @key
              """
            : """
              INSERT INTO crossings (crossing_key, name, pakistan_name, afghanistan_name, region, latitude, longitude, crossing_type, coordinates_source, updated_at)
              VALUES (@key, @name, @pk, @af, @region, @lat, @lon, @type, @coords, @now)
              """;
        Run(tx, sql, ("key", c.Key), ("name", c.Name), ("pk", c.PakistanName), ("af", c.AfghanistanName), ("region", c.Region),
            ("lat", c.Latitude), ("lon", c.Longitude), ("type", c.Type), ("coords", c.CoordinatesSource), ("now", now));
    }

    private bool ScoreExists(DbTransaction tx, string key, ImplementationScore s) =>
        Count(tx, "SELECT COUNT(*) FROM implementation_scores WHERE commitment_key = @key AND assessed_on = @on AND score = @score AND evidence = @evidence",
            ("key", key), ("on", DayText(s.AssessedOn)), ("score", s.Score), ("evidence", s.Evidence)) > 0;

    private void InsertScore(DbTransaction tx, string key, ImplementationScore s, string now) =>
        Run(tx, """
            INSERT INTO implementation_scores (commitment_key, assessed_on, score, evidence, analyst, source, recorded_at)
            VALUES (@key, @on, @score, @evidence, @analyst, @source, @now)
            """, ("key", key), ("on", DayText(s.AssessedOn)), ("score", s.Score), ("evidence", s.Evidence), ("analyst", s.Analyst),
            ("source", AccountabilityJson.WriteOrNull(s.Source)), ("now", now));

    private bool EventExists(DbTransaction tx, StatusEvent e) => RecordedEventId(tx, e) != 0;

    /// <summary>The id of the event already recorded for this crossing, day and status, or 0.</summary>
    private long RecordedEventId(DbTransaction tx, StatusEvent e) =>
        Count(tx, "SELECT COALESCE(MIN(id), 0) FROM crossing_events WHERE crossing_key = @key AND date_from = @from AND status = @status",
            ("key", e.CrossingKey), ("from", DayText(e.From)), ("status", EnumText<CrossingStatus>.Format(e.Status)));

    private long InsertEvent(DbTransaction tx, StatusEvent e, string now) =>
        Count(tx, """
            INSERT INTO crossing_events (crossing_key, status, date_from, reason, source, sample, recorded_at)
            VALUES (@key, @status, @from, @reason, @source, @sample, @now) RETURNING id
            """, ("key", e.CrossingKey), ("status", EnumText<CrossingStatus>.Format(e.Status)), ("from", DayText(e.From)), ("reason", e.Reason),
            ("source", AccountabilityJson.WriteOrNull(e.Source)), ("sample", e.Sample ? 1 : 0), ("now", now));

    private bool Exists(DbTransaction? tx, string table, string column, string key) =>
        Count(tx, $"SELECT COUNT(*) FROM {table} WHERE {column} = @key", ("key", key)) > 0;

    private long Count(DbTransaction? tx, string sql, params (string Name, object? Value)[] args)
    {
        using var cmd = Prepared(tx, sql, args);
        return Convert.ToInt64(cmd.ExecuteScalar(), Inv);
    }

    private void Run(DbTransaction tx, string sql, params (string Name, object? Value)[] args)
    {
        using var cmd = Prepared(tx, sql, args);
        cmd.ExecuteNonQuery();
    }

    private DbCommand Prepared(DbTransaction? tx, string sql, (string Name, object? Value)[] args)
    {
        var cmd = store.Command(tx, sql, [.. args.Select(a => a.Name)]);
        foreach (var (name, value) in args)
            cmd.Parameters["@" + name].Value = value ?? DBNull.Value;
        return cmd;
    }
}

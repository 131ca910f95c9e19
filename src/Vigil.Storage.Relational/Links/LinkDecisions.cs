using System.Globalization;
using Vigil.Domain.Errors;

namespace Vigil.Storage.Relational.Links;

/// <summary>An analyst's decisions on links, and undoing a run: each in one transaction that raises the data version.</summary>
internal sealed class LinkDecisions(RelationalIncidentStore store, LinkReader reader)
{
    public IncidentLink SetStatus(long id, LinkStatus status, string by, string? reason)
    {
        if (status == LinkStatus.Ambiguous)
            throw new VigilException("a link is confirmed (linked) or rejected; 'ambiguous' is what a run leaves for an analyst");
        using var tx = store.Connection.BeginTransaction();
        var link = reader.Get(tx, id) ?? throw new NotFoundException(string.Create(CultureInfo.InvariantCulture, $"link {id}"));
        if (link.Status == status)
            throw new VigilException(string.Create(CultureInfo.InvariantCulture, $"link {id} is already {LinkRows.Text(status)}"));
        var now = IncidentColumns.Stamp(store.Clock.GetUtcNow());
        Record(tx, "id = @id", now, by, LinkRows.Text(status), ("id", id));
        using (var cmd = store.Command(tx, "UPDATE incident_links SET status = @s, decided_at = @at, decided_by = @by, decision_reason = @r WHERE id = @id",
            "s", "at", "by", "r", "id"))
        {
            cmd.Parameters["@s"].Value = LinkRows.Text(status);
            cmd.Parameters["@at"].Value = now;
            cmd.Parameters["@by"].Value = by;
            cmd.Parameters["@r"].Value = (object?)reason ?? DBNull.Value;
            cmd.Parameters["@id"].Value = id;
            cmd.ExecuteNonQuery();
        }
        store.BumpDataVersion(tx);
        tx.Commit();
        return link with { Status = status, DecidedAt = now, DecidedBy = by, DecisionReason = reason };
    }

    public int RemoveBetween(string datasetA, string datasetB)
    {
        using var tx = store.Connection.BeginTransaction();
        var rejected = LinkRows.Text(LinkStatus.Rejected);
        Record(tx, $"{LinkRows.BetweenDatasets} AND status <> @rejected", IncidentColumns.Stamp(store.Clock.GetUtcNow()), "system:links-undo", null,
            ("da", datasetA), ("db", datasetB), ("rejected", rejected));
        using var cmd = store.Command(tx, $"DELETE FROM incident_links WHERE {LinkRows.BetweenDatasets} AND status <> @rejected", "da", "db", "rejected");
        cmd.Parameters["@da"].Value = datasetA;
        cmd.Parameters["@db"].Value = datasetB;
        cmd.Parameters["@rejected"].Value = rejected;
        var removed = cmd.ExecuteNonQuery();
        if (removed > 0)
            store.BumpDataVersion(tx);
        tx.Commit();
        return removed;
    }

    /// <summary>Keeps the links about to change as they are now (<c>link_changes</c>), so that answers as of an earlier moment see them.</summary>
    private void Record(System.Data.Common.DbTransaction tx, string where, string at, string by, string? statusAfter, params (string Name, object Value)[] args)
    {
        using var cmd = store.Command(tx, Past.HistorySchema.RecordLinks(where),
            ["changed_at", "changed_by", "status_after", .. args.Select(a => a.Name)]);
        cmd.Parameters["@changed_at"].Value = at;
        cmd.Parameters["@changed_by"].Value = by;
        cmd.Parameters["@status_after"].Value = (object?)statusAfter ?? DBNull.Value;
        foreach (var (name, value) in args)
            cmd.Parameters["@" + name].Value = value;
        cmd.ExecuteNonQuery();
    }
}

using System.Data.Common;
using System.Globalization;

namespace Vigil.Storage.Relational;

/// <summary>Published reports (table <c>published_reports</c>, schema version 16), append-only, on the incident store's connection.</summary>
public sealed class RelationalPublishedReports(RelationalIncidentStore store) : IPublishedReportStore
{
    private const string Columns = "id, kind, month, request, scope_label, data_version, moment, published_at, published_by, figures";

    public PublishedReport Add(PublishedReport report)
    {
        using var tx = store.Connection.BeginTransaction();
        using var cmd = store.Command(tx, """
            INSERT INTO published_reports (kind, month, request, scope_label, data_version, moment, published_at, published_by, figures)
            VALUES (@kind, @month, @request, @label, @version, @moment, @at, @by, @figures) RETURNING id
            """, "kind", "month", "request", "label", "version", "moment", "at", "by", "figures");
        cmd.Parameters["@kind"].Value = report.Kind;
        cmd.Parameters["@month"].Value = report.Month;
        cmd.Parameters["@request"].Value = report.Request;
        cmd.Parameters["@label"].Value = report.ScopeLabel;
        cmd.Parameters["@version"].Value = report.DataVersion;
        cmd.Parameters["@moment"].Value = IncidentColumns.Stamp(report.Moment);
        cmd.Parameters["@at"].Value = IncidentColumns.Stamp(report.PublishedAt);
        cmd.Parameters["@by"].Value = report.PublishedBy;
        cmd.Parameters["@figures"].Value = report.Figures;
        var id = Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        tx.Commit();
        return report with { Id = id };
    }

    public PublishedReport? Get(long id)
    {
        using var cmd = store.Command(null, $"SELECT {Columns} FROM published_reports WHERE id = @id", "id");
        cmd.Parameters["@id"].Value = id;
        using var r = cmd.ExecuteReader();
        return r.Read() ? Read(r) : null;
    }

    public IReadOnlyList<PublishedReport> List(int limit)
    {
        using var cmd = store.Command(null, $"SELECT {Columns} FROM published_reports ORDER BY id DESC LIMIT @limit", "limit");
        cmd.Parameters["@limit"].Value = limit;
        using var r = cmd.ExecuteReader();
        var list = new List<PublishedReport>();
        while (r.Read())
            list.Add(Read(r));
        return list;
    }

    private static PublishedReport Read(DbDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt64(5),
        IncidentColumns.ParseStamp(r.GetString(6)), IncidentColumns.ParseStamp(r.GetString(7)), r.GetString(8), r.GetString(9));
}

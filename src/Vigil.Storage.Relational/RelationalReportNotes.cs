using System.Data.Common;
using System.Globalization;

namespace Vigil.Storage.Relational;

/// <summary>Key findings of monthly assessments (table <c>report_notes</c>, schema version 12), append-only, on the incident store's connection.</summary>
public sealed class RelationalReportNotes(RelationalIncidentStore store) : IReportNoteStore
{
    private const string Columns = "id, month, scope_key, scope_label, markdown, saved_at, saved_by";

    public ReportNote Save(string month, string scopeKey, string scopeLabel, string markdown, string by)
    {
        using var tx = store.Connection.BeginTransaction();
        using var cmd = store.Command(tx, """
            INSERT INTO report_notes (month, scope_key, scope_label, markdown, saved_at, saved_by)
            VALUES (@m, @k, @l, @md, @at, @by) RETURNING id
            """, "m", "k", "l", "md", "at", "by");
        var at = IncidentColumns.Stamp(store.Clock.GetUtcNow());
        cmd.Parameters["@m"].Value = month;
        cmd.Parameters["@k"].Value = scopeKey;
        cmd.Parameters["@l"].Value = scopeLabel;
        cmd.Parameters["@md"].Value = markdown;
        cmd.Parameters["@at"].Value = at;
        cmd.Parameters["@by"].Value = by;
        var id = Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        tx.Commit();
        return new ReportNote(id, month, scopeKey, scopeLabel, markdown, at, by);
    }

    public ReportNote? Latest(string month, string scopeKey) => Read(month, scopeKey, 1).FirstOrDefault();

    public IReadOnlyList<ReportNote> History(string month, string scopeKey) => Read(month, scopeKey, 1000);

    private List<ReportNote> Read(string month, string scopeKey, int limit)
    {
        using var cmd = store.Command(null, $"""
            SELECT {Columns} FROM report_notes WHERE month = @m AND scope_key = @k ORDER BY id DESC LIMIT @limit
            """, "m", "k", "limit");
        cmd.Parameters["@m"].Value = month;
        cmd.Parameters["@k"].Value = scopeKey;
        cmd.Parameters["@limit"].Value = limit;
        using var r = cmd.ExecuteReader();
        var list = new List<ReportNote>();
        while (r.Read())
            list.Add(ReadRow(r));
        return list;
    }

    private static ReportNote ReadRow(DbDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6));
}

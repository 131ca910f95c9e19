using System.Data.Common;
using Vigil.Domain.Text;

namespace Vigil.Storage.Relational.Links;

/// <summary>How a link is read from and written to <c>incident_links</c>.</summary>
internal static class LinkRows
{
    public const string Columns =
        "id, incident_a, incident_b, dataset_a, dataset_b, status, reason, created_at, created_by, decided_at, decided_by, decision_reason";

    public static string Text(LinkStatus status) => EnumText<LinkStatus>.Format(status);

    public static IncidentLink Read(DbDataReader r)
    {
        string? Str(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        return new IncidentLink(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetString(3), r.GetString(4),
            EnumText<LinkStatus>.Parse(r.GetString(5)), r.GetString(6), r.GetString(7), r.GetString(8), Str(9), Str(10), Str(11));
    }

    /// <summary>The SQL condition "between these two datasets, either way round" on parameters <c>@da</c> and <c>@db</c>.</summary>
    public const string BetweenDatasets = "((dataset_a = @da AND dataset_b = @db) OR (dataset_a = @db AND dataset_b = @da))";
}

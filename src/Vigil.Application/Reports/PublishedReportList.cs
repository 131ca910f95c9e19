using System.Text.Json;
using Vigil.Storage;

namespace Vigil.Application.Reports;

/// <summary>
/// One published report as a list shows it: its id, kind and month, the scope's label as printed, the moment its figures
/// are as of and the data version they were built from, who published it and when, and how many figures it recorded.
/// </summary>
public sealed record PublishedReportSummary(
    long Id, string Kind, string Month, string Scope, DateTimeOffset Moment, long DataVersion, DateTimeOffset PublishedAt,
    string PublishedBy, int Figures);

/// <summary>The published reports, newest first (the list <c>vigil report published</c>, the API and the dashboard show).</summary>
public static class PublishedReportList
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static IReadOnlyList<PublishedReportSummary> Of(IVigilDatabase db, int limit = DefaultLimit) =>
        [.. db.PublishedReports.List(limit).Select(Summary)];

    public static PublishedReportSummary Summary(PublishedReport r) => new(
        r.Id, r.Kind, r.Month, r.ScopeLabel, r.Moment, r.DataVersion, r.PublishedAt, r.PublishedBy,
        JsonSerializer.Deserialize<List<ReportFigure>>(r.Figures, Json)?.Count ?? 0);
}

using System.Text.Json;
using Vigil.Application.Reference;
using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;
using Vigil.Domain.Revisions;
using Vigil.Domain.Time;
using Vigil.Storage;

namespace Vigil.Application.Reports;

/// <summary>A figure whose value is not what it was: before (as published) and after (now).</summary>
public sealed record FigureChange(string Name, string? Before, string? After);

/// <summary>An incident of the report's scope and period that changed since: how, and each field before and after.</summary>
public sealed record IncidentChange(long Id, string Change, string Date, string Place, IReadOnlyList<FieldChange> Fields);

/// <summary>
/// What changed since a report was published. <see cref="Regenerated"/>: the figures rebuilt as of its moment that are
/// not those published (none when the history holds). <see cref="Figures"/> and <see cref="Incidents"/>: the changes since,
/// over the report's scope and the period its figures cover (<see cref="From"/> to <see cref="To"/>).
/// </summary>
public sealed record ReportDiff(
    PublishedReport Report, int FigureCount, IReadOnlyList<FigureChange> Regenerated, IReadOnlyList<FigureChange> Figures,
    DateOnly From, DateOnly To, IReadOnlyList<IncidentChange> Incidents)
{
    /// <summary>The datasets of the report's scope (whose licences say who may see its incidents).</summary>
    public IReadOnlyList<Domain.Datasets.Dataset> Datasets { get; init; } = [];

    /// <summary>The moment the figures "after" are as of: null when they are now.</summary>
    public DateTimeOffset? AsOf { get; init; }
}

/// <summary>
/// Publishing monthly assessments and comparing them with the data since: a published report keeps its request, scope,
/// data version, moment and figures; <see cref="Diff"/> rebuilds it as of that moment (which must give the same figures)
/// and now, and lists every figure and every incident of its scope and period that changed.
/// </summary>
public sealed class PublishedReports(IVigilDatabase db, Func<DateTimeOffset, IVigilDatabase> openAsOf, ReferenceData reference, TimeProvider clock)
{
    public const string Monthly = "monthly";
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Builds the assessment now and records it as published; returns the record and the report built.</summary>
    public (PublishedReport Published, MonthlyReportResult Built) Publish(MonthlyReportRequest request, string by)
    {
        while (true)
        {
            // The moment and the data version are taken before building; a write while building means building again.
            var moment = clock.GetUtcNow();
            var version = db.Incidents.DataVersion();
            var built = new MonthlyReports(db, reference, clock).Build(request);
            if (db.Incidents.DataVersion() != version)
                continue;
            var record = db.PublishedReports.Add(new PublishedReport(0, Monthly, built.Month.Label,
                JsonSerializer.Serialize(request with { Month = built.Month.Label }, Json),
                $"{built.ScopeName} · {built.Scope.Label}", version, moment, clock.GetUtcNow(), by,
                JsonSerializer.Serialize(PublishedFigures.Of(built.Report), Json)));
            return (record, built);
        }
    }

    /// <exception cref="NotFoundException">No such published report (or none at all when <paramref name="id"/> is null).</exception>
    public ReportDiff Diff(long? id)
    {
        var report = (id is { } n ? db.PublishedReports.Get(n) : db.PublishedReports.List(1).FirstOrDefault())
            ?? throw new NotFoundException(id is { } missing ? $"published report {missing}" : "a published report", "publish one with: vigil report monthly --publish");
        var request = JsonSerializer.Deserialize<MonthlyReportRequest>(report.Request, Json)
            ?? throw new VigilException($"published report {report.Id}: its request cannot be read");
        var published = JsonSerializer.Deserialize<List<ReportFigure>>(report.Figures, Json) ?? [];

        using var past = openAsOf(report.Moment);
        var then = new MonthlyReports(past, reference, clock).Build(request);
        var now = new MonthlyReports(db, reference, clock).Build(request);
        var month = then.Month;
        var from = month.Shift(-(then.Report.Trend.Count > 0 ? then.Report.Trend.Count - 1 : 0)).Start;
        var query = then.Scope.Query with { From = from, To = month.End };
        return new ReportDiff(report, published.Count,
            Compare(published, PublishedFigures.Of(then.Report)),
            Compare(published, PublishedFigures.Of(now.Report)),
            from, month.End,
            Incidents(past.Incidents, db.Incidents, query, now.Scope.Query with { From = from, To = month.End }))
        {
            // Then and now: a dataset whose rows may not be passed on in either is withheld.
            Datasets = [.. then.Scope.Datasets.Concat(now.Scope.Datasets).DistinctBy(d => (d.Name, d.Redistributable))],
            AsOf = db.AsOf,
        };
    }

    private static List<FigureChange> Compare(IReadOnlyList<ReportFigure> before, IReadOnlyList<ReportFigure> after)
    {
        var was = before.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);
        var @is = after.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);
        var changes = new List<FigureChange>();
        foreach (var f in before)
        {
            var value = @is.GetValueOrDefault(f.Name);
            if (value != f.Value)
                changes.Add(new FigureChange(f.Name, f.Value, value));
        }
        foreach (var f in after.Where(f => !was.ContainsKey(f.Name)))
            changes.Add(new FigureChange(f.Name, null, f.Value));
        return changes;
    }

    /// <summary>The incidents of the scope and period then and now: added, removed, or edited (each field before and after).</summary>
    private static List<IncidentChange> Incidents(IIncidentStore then, IIncidentStore now, IncidentQuery pastQuery, IncidentQuery nowQuery)
    {
        var before = then.Query(pastQuery with { Sort = IncidentSort.Id }, includeSources: true).ToDictionary(i => i.Id);
        var after = now.Query(nowQuery with { Sort = IncidentSort.Id }, includeSources: true).ToDictionary(i => i.Id);
        var changes = new List<IncidentChange>();
        foreach (var id in before.Keys.Union(after.Keys).Order())
        {
            var (b, a) = (before.GetValueOrDefault(id), after.GetValueOrDefault(id));
            if (b is not null && a is not null)
            {
                if (b.Revision != a.Revision && IncidentFields.Diff(b, a) is { Count: > 0 } fields)
                    changes.Add(new IncidentChange(id, "edited", Day(a), Where(a), fields));
            }
            else if (a is not null)
            {
                var existed = then.Find(id, includeDeleted: true) is not null;
                changes.Add(new IncidentChange(id, existed ? "entered the scope" : "added", Day(a), Where(a),
                    existed ? IncidentFields.Diff(then.Find(id, includeDeleted: true)!, a) : []));
            }
            else
            {
                var current = now.Find(id, includeDeleted: true);
                changes.Add(new IncidentChange(id, current is null or { DeletedAt: not null } ? "removed" : "left the scope", Day(b!), Where(b!),
                    current is { DeletedAt: null } ? IncidentFields.Diff(b!, current) : []));
            }
        }
        return changes;
    }

    private static string Day(Incident i) => i.Date.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Where(Incident i) => string.Join(", ", new[] { i.Place.Admin2, i.Place.Admin1, i.Place.Country }.Where(p => p is not null));
}

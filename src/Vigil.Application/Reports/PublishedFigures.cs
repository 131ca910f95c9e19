using System.Globalization;
using Vigil.Reports.Model;

namespace Vigil.Application.Reports;

/// <summary>One figure of an assessment, named by where it stands ("headline/Killed", "province/Punjab/killed") and valued as printed.</summary>
public sealed record ReportFigure(string Name, string Value);

/// <summary>
/// Every figure of a monthly assessment as a flat list, in the order the report prints them: the headlines, the trend,
/// each breakdown, the districts of the map and the deadliest incidents. Labels (which say "as of") are not figures.
/// </summary>
public static class PublishedFigures
{
    public static IReadOnlyList<ReportFigure> Of(MonthlyReport report)
    {
        var figures = new List<ReportFigure>();
        void Add(string name, object? value) => figures.Add(new ReportFigure(name, value switch
        {
            null => "",
            long n => n.ToString(CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        }));
        foreach (var h in report.Headlines)
        {
            Add($"headline/{h.Label}", h.Shown);
            Add($"headline/{h.Label}/unknown", h.UnknownCount);
        }
        foreach (var p in report.Trend)
        {
            Add($"trend/{p.Period}/coverage", p.Coverage);
            Add($"trend/{p.Period}/incidents", p.Incidents);
            Add($"trend/{p.Period}/killed", p.Killed);
            Add($"trend/{p.Period}/injured", p.Injured);
        }
        foreach (var (kind, rows) in new[] { ("province", report.ByProvince), ("group", report.ByActor), ("type", report.ByEventType), ("category", report.ByCategory) })
        {
            foreach (var r in rows)
            {
                Add($"{kind}/{r.Name}/incidents", r.Incidents);
                Add($"{kind}/{r.Name}/killed", r.Killed);
                Add($"{kind}/{r.Name}/killed-unknown", r.KilledUnknown);
                Add($"{kind}/{r.Name}/injured", r.Injured);
                Add($"{kind}/{r.Name}/injured-unknown", r.InjuredUnknown);
            }
        }
        foreach (var d in report.Districts)
        {
            Add($"district/{d.Country}/{d.District}/incidents", d.Incidents);
            Add($"district/{d.Country}/{d.District}/killed", d.Killed);
        }
        for (var i = 0; i < report.Notable.Count; i++)
            Add($"deadliest/{i + 1}", $"incident {report.Notable[i].Id}: {report.Notable[i].Killed} killed");
        return figures;
    }
}

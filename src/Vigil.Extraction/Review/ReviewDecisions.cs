using System.Globalization;
using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;

namespace Vigil.Extraction.Review;

/// <summary>What accepting report candidates does to incidents, shared by the command line and the server.</summary>
public static class ReviewDecisions
{
    /// <summary>
    /// Merging a report into an existing incident: the article is added as a source (once); the incident's killed
    /// and injured are kept unless <paramref name="useFigures"/>, when the report's known figures replace them.
    /// </summary>
    public static Incident AddSource(Incident current, string payload, bool useFigures)
    {
        var source = ReportIncident.SourceOf(payload);
        var next = current.Sources.Contains(source) ? current : current with { Sources = current.Sources.Add(source) };
        if (!useFigures)
            return next;
        var report = ReportIncident.FromPayload(payload);
        var killed = report.Killed.IsUnknown ? current.Killed : report.Killed;
        var injured = report.Injured.IsUnknown ? current.Injured : report.Injured;
        return next with { Killed = killed, Injured = injured, Flags = Incident.CasualtyFlags(killed, injured) };
    }

    /// <summary>
    /// Merging reports into an incident that already exists (imported from a dataset, or accepted earlier): every
    /// article becomes a source (once). The incident's figures stand — a dataset's coded figure, or an analyst's, is
    /// better evidence than a first news report — except where the incident has none: then the reports' figure by
    /// the median-of-reports rule fills it. Each report's own figure stays in its candidate, linked to the incident.
    /// </summary>
    public static Incident MergeIntoIncident(Incident current, IEnumerable<string> payloads)
    {
        var list = payloads.ToList();
        var sources = current.Sources;
        foreach (var source in list.Select(ReportIncident.SourceOf))
        {
            if (!sources.Contains(source))
                sources = sources.Add(source);
        }
        var reports = ReportIncident.FromCluster([.. list.Select(p => (ReportIncident.ReadPayload(p), ReportIncident.SourceOf(p)))]);
        var killed = current.Killed.IsUnknown ? reports.Killed : current.Killed;
        var injured = current.Injured.IsUnknown ? reports.Injured : current.Injured;
        return current with { Sources = sources, Killed = killed, Injured = injured, Flags = current.Flags | Incident.CasualtyFlags(killed, injured) };
    }

    /// <summary>One incident from several report payloads, figures by the median-of-reports rule.</summary>
    public static Incident ClusterIncident(IEnumerable<string> payloads) =>
        ReportIncident.FromCluster([.. payloads.Select(p => (ReportIncident.ReadPayload(p), ReportIncident.SourceOf(p)))]);

    /// <summary>Candidate ids from "1,2,3".</summary>
    public static IReadOnlyList<long> ParseIds(string text) =>
        [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(p =>
            long.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw new FieldException("ids", $"'{p}' is not a candidate id"))];
}

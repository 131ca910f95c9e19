using System.Globalization;
using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;

namespace Vigil.Extraction.Review;

/// <summary>What accepting report candidates does to incidents, shared by the command line and the server.</summary>
public static class ReviewDecisions
{
    /// <summary>
    /// Merging reports into an incident that already exists (imported from a dataset, or accepted earlier): every
    /// article becomes a source (once), each party claim it relays a party-claim source. The incident's figures stand — a dataset's coded figure, or an analyst's, is
    /// better evidence than a first news report — except where the incident has none, or with
    /// <paramref name="useFigures"/>: then the reports' known figure replaces it (one report's own figure; several
    /// reports' by the median-of-reports rule). Each report's own figure stays in its candidate, linked to the incident.
    /// </summary>
    public static Incident MergeIntoIncident(Incident current, IEnumerable<string> payloads, bool useFigures = false)
    {
        var reports = payloads.Select(ReportIncident.Read).ToList();
        var sources = current.Sources;
        foreach (var source in reports.SelectMany(x => ReportIncident.SourcesOf(x.Report, x.Source)))
        {
            if (!sources.Contains(source))
                sources = sources.Add(source);
        }
        var figures = reports.Count == 1 ? ReportIncident.FromReport(reports[0].Report, reports[0].Source) : ReportIncident.FromCluster(reports);
        var killed = Pick(current.Killed, figures.Killed, useFigures);
        var injured = Pick(current.Injured, figures.Injured, useFigures);
        var flags = (current.Flags & ~Incident.CasualtyFlags(current.Killed, current.Injured)) | Incident.CasualtyFlags(killed, injured);
        return current with { Sources = sources, Killed = killed, Injured = injured, Flags = flags };
    }

    private static CasualtyCount Pick(CasualtyCount current, CasualtyCount reported, bool useReported) =>
        !reported.IsUnknown && (useReported || current.IsUnknown) ? reported : current;

    /// <summary>One incident from several report payloads, figures by the median-of-reports rule.</summary>
    public static Incident ClusterIncident(IEnumerable<string> payloads) => ReportIncident.FromCluster([.. payloads.Select(ReportIncident.Read)]);

    /// <summary>Candidate ids from "1,2,3".</summary>
    public static IReadOnlyList<long> ParseIds(string text) =>
        [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(p =>
            long.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw new FieldException("ids", $"'{p}' is not a candidate id"))];
}

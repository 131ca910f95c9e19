using System.Globalization;
using Vigil.Accountability;
using Vigil.Accountability.Evaluation;
using Vigil.Domain.Accountability;
using Vigil.Domain.Time;
using Vigil.Reports.Model;

namespace Vigil.Reports.Building;

/// <summary>
/// The monthly assessment's section on crossings and commitments, as generated sentences. A commitment is
/// in it when its deadline falls in the month, an analyst scored it in the month, or the month is the last
/// of its evaluation's after-window. Sample data say so.
/// </summary>
public static class AccountabilitySectionBuilder
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Null when the database records no crossing and no commitment.</summary>
    public static AccountabilitySection? Build(AccountabilityService service, Period month)
    {
        var reports = service.Crossings();
        var commitments = service.Store.GetCommitments();
        if (reports.Count == 0 && commitments.Count == 0)
            return null;

        var today = service.Today;
        var crossings = new List<string>();
        foreach (var r in reports)
        {
            var episodes = r.Episodes.Where(e => e.DaysWithin(month.Start, month.End, today) > 0).ToList();
            if (episodes.Count == 0)
                continue;
            var days = episodes.Sum(e => e.DaysWithin(month.Start, month.End, today));
            var spans = string.Join("; ", episodes.Select(e => $"closed from {Day(e.Start)} to {(e.End is { } end ? Day(end) : "today (still closed)")}, {e.Days} day(s) in all"));
            crossings.Add(string.Create(Inv, $"{r.Crossing.Name}: closed {days} of {month.End.Day} days ({spans})."));
        }
        if (crossings.Count == 0 && reports.Count > 0)
            crossings.Add(string.Create(Inv, $"No recorded closure at any of the {reports.Count} crossings monitored."));

        var evaluator = service.Evaluator();
        var lines = new List<string>();
        foreach (var c in commitments)
        {
            var reasons = new List<string>();
            if (c.Deadline is { } d && month.Contains(d))
                reasons.Add($"due on {Day(d)}");
            var scored = c.Scores.Where(s => month.Contains(s.AssessedOn)).ToList();
            if (scored.Count > 0)
                reasons.Add($"scored {scored[^1].Score} ({ImplementationScore.Label(scored[^1].Score)}) on {Day(scored[^1].AssessedOn)}");
            var lastAfter = Period.Containing(c.MadeOn, c.Indicator.Unit).Shift(c.Indicator.AfterPeriods);
            if (lastAfter.End >= month.Start && lastAfter.End <= month.End)
                reasons.Add("its evaluation window ends");
            if (reasons.Count == 0)
                continue;
            var evaluation = evaluator.Evaluate(c);
            lines.Add($"{c.MadeBy}, {c.Key}{(c.Sample ? " (sample)" : "")}: {string.Join("; ", reasons)}. Measured: {Verdicts.Describe(evaluation.Verdict)} — {evaluation.Reason}.");
        }
        return new AccountabilitySection(crossings, lines);
    }

    /// <summary>The report with the section added, from the accountability tables of the report's own database.</summary>
    public static MonthlyReport AddTo(MonthlyReport report, Storage.IIncidentStore incidents, Storage.IAccountabilityStore accountability, TimeProvider clock, Period month,
        Storage.IDatasetStore? datasets = null) =>
        report with { Accountability = Build(new AccountabilityService(incidents, accountability, clock, datasets), month) };

    private static string Day(DateOnly d) => d.ToString("d MMMM yyyy", Inv);
}

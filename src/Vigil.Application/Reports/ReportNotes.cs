using System.Text.Json;
using Vigil.Application.Reference;
using Vigil.Application.Scopes;
using Vigil.Domain.Errors;
using Vigil.Domain.Time;
using Vigil.Reports;
using Vigil.Reports.Model;
using Vigil.Storage;

namespace Vigil.Application.Reports;

/// <summary>
/// The analysts' key findings of monthly assessments: read and saved per month and scope, for <c>vigil report
/// notes</c>, the Reports page and <see cref="MonthlyReports"/>, which prints them first. A scope is found again by
/// its canonical key (<see cref="KeyOf"/>): every filter of the resolved scope and its datasets in order, so the
/// findings written for "Balochistan, UCDP GED" never appear in the assessment of another scope.
/// </summary>
public sealed class ReportNotes(IVigilDatabase db, ReferenceData reference, TimeProvider clock)
{
    private static readonly JsonSerializerOptions KeyJson = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault };

    /// <summary>The scope as a canonical text: its query without dates, paging or order, as JSON.</summary>
    public static string KeyOf(Scope scope) => JsonSerializer.Serialize(
        scope.Query with { From = null, To = null, Limit = null, Offset = 0, After = null, Sort = IncidentSort.Date, Descending = false },
        KeyJson);

    /// <summary>How a reader names the scope: "Balochistan · UCDP GED".</summary>
    public static string LabelOf(string scopeName, Scope scope) => $"{scopeName} · {scope.Label}";

    /// <summary>The latest findings for the month and scope of a request, or null.</summary>
    /// <exception cref="FieldException">The month is missing or not a month, or the scope is not valid.</exception>
    public ReportNote? Latest(MonthlyReportRequest request)
    {
        var (month, scope, _) = Resolve(request);
        return db.ReportNotes.Latest(month.Label, KeyOf(scope));
    }

    /// <summary>Every saved version for the month and scope, newest first.</summary>
    public IReadOnlyList<ReportNote> History(MonthlyReportRequest request)
    {
        var (month, scope, _) = Resolve(request);
        return db.ReportNotes.History(month.Label, KeyOf(scope));
    }

    /// <summary>Saves a new version of the findings (empty text clears them: the assessment then prints none).</summary>
    /// <exception cref="FieldException">Field <c>month</c>, or <c>findings</c> when too long or not text.</exception>
    public ReportNote Save(MonthlyReportRequest request, string markdown, string by)
    {
        var (month, scope, name) = Resolve(request);
        markdown = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (markdown.Length > FindingsText.MaxLength)
            throw new FieldException("findings", $"is {markdown.Length:N0} characters; at most {FindingsText.MaxLength:N0} are kept");
        if (markdown.Contains('\0', StringComparison.Ordinal) || Domain.Text.LoneSurrogates.Readable(markdown) != markdown)
            throw new FieldException("findings", "contains characters that are not text (a NUL or a lone surrogate)");
        return db.ReportNotes.Save(month.Label, KeyOf(scope), LabelOf(name, scope), markdown, by);
    }

    /// <summary>The report with its findings, when some were written for its month and scope.</summary>
    public static MonthlyReport Attach(IVigilDatabase db, MonthlyReport report, Period month, Scope scope) =>
        db.ReportNotes.Latest(month.Label, KeyOf(scope)) is { Markdown.Length: > 0 } note
            ? report with { Findings = new KeyFindings(note.Markdown, note.SavedBy, note.SavedAt) }
            : report;

    private (Period Month, Scope Scope, string Name) Resolve(MonthlyReportRequest request)
    {
        if (request.Month is null || !Period.TryParse(request.Month, out var month) || month.Unit != PeriodUnit.Month)
            throw new FieldException("month", $"give the month the findings are for (YYYY-MM){(request.Month is null ? "" : $"; '{request.Month}' is not one")}");
        var (scope, name) = new MonthlyReports(db, reference, clock).Scope(request);
        return (month, scope, name);
    }
}

namespace Vigil.Storage;

/// <summary>
/// One saved version of an analyst's key findings for a month's assessment of one scope: the Markdown as written,
/// the scope it belongs to (<see cref="ScopeKey"/> the canonical form that finds it again, <see cref="ScopeLabel"/>
/// how a reader names it), who saved it and when. Saving never overwrites: every version is kept.
/// </summary>
public sealed record ReportNote(long Id, string Month, string ScopeKey, string ScopeLabel, string Markdown, string SavedAt, string SavedBy);

/// <summary>The key findings analysts write for monthly assessments, every version kept.</summary>
public interface IReportNoteStore
{
    /// <summary>Saves a new version; returns it.</summary>
    ReportNote Save(string month, string scopeKey, string scopeLabel, string markdown, string by);

    /// <summary>The latest version for a month and scope, or null when none was written.</summary>
    ReportNote? Latest(string month, string scopeKey);

    /// <summary>Every version for a month and scope, newest first.</summary>
    IReadOnlyList<ReportNote> History(string month, string scopeKey);
}

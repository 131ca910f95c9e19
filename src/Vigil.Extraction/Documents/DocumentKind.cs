namespace Vigil.Extraction.Documents;

/// <summary>What kind of text an article is, which decides what it may yield.</summary>
public enum DocumentKind
{
    /// <summary>Reports one attack or a few (the default): yields an incident report.</summary>
    IncidentReport,

    /// <summary>Totals over a period (an institute's monthly report, a newspaper's write-up of it): yields statistics, never an incident.</summary>
    StatisticalRoundup,

    /// <summary>Argues or explains (an editorial, an analysis): yields claims, engagements, commitments, border events; an incident only when it reports one with its date and toll.</summary>
    AnalysisOrEditorial,

    /// <summary>A statement or a claim of responsibility with no toll of its own.</summary>
    StatementOrClaim,
}

/// <summary>One cue that counted towards a kind: the cue's name and where it was read (character offsets, end exclusive).</summary>
public sealed record DocumentCue(DocumentKind Towards, string Cue, int Start, int End);

/// <summary>An article's kind with the cues that decided it and the scores they added up to.</summary>
public sealed record DocumentClassification(DocumentKind Kind, int RoundupScore, int OpinionScore, int StatementScore, IReadOnlyList<DocumentCue> Evidence)
{
    public static DocumentClassification Default { get; } = new(DocumentKind.IncidentReport, 0, 0, 0, []);
}

namespace Vigil.Reports.Model;

/// <summary>
/// Everything a monthly security assessment shows, already computed: the renderers (HTML, Markdown, PDF)
/// only lay it out. Every number comes from Vigil's statistics; every sentence in <c>Statements</c>
/// is generated from them, never written by hand.
/// <para><c>ByActor</c>: the groups involved (the non-state party, whatever its role). <c>Title</c>: "Security assessment — December 2021". <c>Scope</c>: "Pakistan", or the province the report
/// is limited to. <c>Month</c>: "YYYY-MM". <c>Statements</c>: record and spike statements that hold for this
/// month ("the deadliest month since July 2018"). <c>Trend</c>: the 24 months up to and including the month,
/// oldest first. <c>Districts</c>: killed per district this month, for the choropleth (districts absent had
/// none recorded). <c>Notable</c>: the incidents of the month with the most killed, most first.</para>
/// </summary>
public sealed record MonthlyReport(
    string Title,
    string Scope,
    string Month,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<HeadlineFigure> Headlines,
    IReadOnlyList<string> Statements,
    IReadOnlyList<SeriesPoint> Trend,
    IReadOnlyList<BreakdownRow> ByProvince,
    IReadOnlyList<BreakdownRow> ByActor,
    IReadOnlyList<BreakdownRow> ByEventType,
    IReadOnlyList<DistrictValue> Districts,
    IReadOnlyList<NotableIncident> Notable,
    MethodNote Method)
{
    /// <summary>Border crossings and commitments in the month; null when the database records none of either.</summary>
    public AccountabilitySection? Accountability { get; init; }

    /// <summary>The month by event category: militant attacks, security operations, armed clashes, other.</summary>
    public IReadOnlyList<BreakdownRow> ByCategory { get; init; } = [];

    /// <summary>The datasets the figures come from ("UCDP GED", "UCDP GED + PBC suicide attacks, linked").</summary>
    public string DatasetsLabel { get; init; } = "";

    /// <summary>The analysts' key findings for this month and scope, printed first; null when none were written.</summary>
    public KeyFindings? Findings { get; init; }

    /// <summary>How well the month's incidents are sourced: the share graded fair or better (docs/method.md, "Sources and grades").</summary>
    public SourcingFigure? Sourcing { get; init; }

    /// <summary>Which sources the killed and injured figures count, in words ("from independent sources ...").</summary>
    public string SourcesLabel { get; init; } = "";

    /// <summary>Which sources the killed and injured figures count (the scope line names them).</summary>
    public Domain.Sources.SourceScope Sources { get; init; }

    /// <summary>The lowest grade of the incidents counted, when the scope sets one (the scope line names it).</summary>
    public Domain.Sources.IncidentGrade? MinGrade { get; init; }
}

/// <summary>
/// The share of a month's incidents graded fair or better, with the count of each grade (best first), and the sentence
/// printed beside the headline figures ("82 % of incidents fair or better (...)"). No incident: no percentage.
/// </summary>
public sealed record SourcingFigure(long Incidents, long FairOrBetter, int? FairOrBetterPercent, IReadOnlyDictionary<string, long> Grades, string Text)
{
    public static SourcingFigure Of(Statistics.Sourcing.GradeShare share) =>
        new(share.Incidents, share.FairOrBetter, share.Percent, share.Named, share.Text);
}

/// <summary>
/// What the analysts judge the month to mean, in their words (Markdown), with who saved it and when: the one part of
/// the assessment that is not computed, and said so wherever it is printed.
/// </summary>
public sealed record KeyFindings(string Markdown, string SavedBy, string SavedAt);

/// <summary>
/// Generated sentences on the month's border closures (one per crossing monitored) and on the commitments
/// due, scored or at the end of their evaluation window that month, each with its measured verdict.
/// </summary>
public sealed record AccountabilitySection(IReadOnlyList<string> Crossings, IReadOnlyList<string> Commitments);

/// <summary>
/// One headline number with its comparisons. <see cref="Change"/> is the generated sentence
/// ("+8 (+80.0%) on November 2021; +3 (+20.0%) on December 2020"); a percentage is never given against a
/// zero baseline. <see cref="UnknownCount"/> is how many incidents had no figure (unknown is not zero). A null
/// <see cref="Value"/> has no number to show: <see cref="Missing"/> says why ("no data", "not recorded", "unknown").
/// </summary>
public sealed record HeadlineFigure(string Label, long? Value, long? PreviousMonth, long? SameMonthLastYear, string Change, long UnknownCount)
{
    public string Missing { get; init; } = "unknown";

    /// <summary>The figure as every format prints it: the number, or why there is none.</summary>
    public string Shown => Value is { } v ? ReportText.Number(v) : Missing;
}

/// <summary>
/// One month of the trend: "YYYY-MM", incidents, killed and injured (sums of best estimates); null where there is no
/// number (no data, not recorded, all unknown), which a chart leaves as a gap.
/// </summary>
public sealed record SeriesPoint(string Period, long? Incidents, long? Killed, long? Injured)
{
    /// <summary>"full", "partial" or "none".</summary>
    public string Coverage { get; init; } = "full";
}

/// <summary>
/// A breakdown's figures; killed or injured null when not recorded by the datasets in scope or all unknown. The
/// unknown counts say how many incidents had no figure (their known sum is then a floor, never "0 killed" for them).
/// </summary>
public sealed record BreakdownRow(string Name, long Incidents, long? Killed, long? Injured)
{
    public long KilledUnknown { get; init; }
    public long InjuredUnknown { get; init; }
}

/// <summary>A district's figures; <see cref="BoundaryId"/> is the shapeID of its polygon in the bundled boundaries.</summary>
public sealed record DistrictValue(string Country, string District, string? BoundaryId, long Killed, long Incidents);

public sealed record NotableIncident(
    long Id, string Date, string Place, string EventType, string? Perpetrator, string Killed, string Injured,
    IReadOnlyList<SourceLine> Sources);

public sealed record SourceLine(string Text, string? Url);

/// <summary>How the figures were made: datasets, counting rules, which estimate is used, credits.</summary>
public sealed record MethodNote(IReadOnlyList<string> Datasets, IReadOnlyList<string> Rules, IReadOnlyList<string> Credits);

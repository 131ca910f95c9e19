using System.Text.Json.Serialization;
using Vigil.Accountability.Views;
using Vigil.Application.Scopes;
using Vigil.Domain.Border;
using Vigil.Statistics;

namespace Vigil.Server.Api;

// The answers the endpoints write, as named records: what the OpenAPI document describes is what is serialised.
// (Answers written by hand as JSON — the claims' checks — are described by the *Shape records below instead, and a
// test holds the two together.) Every member is written, nulls included, unless it says [JsonIgnore(WhenWritingNull)].

/// <summary>GET /health.</summary>
public sealed record HealthAnswer(string Status);

/// <summary>GET /statistics/series: one row per period (and breakdown key), with changes, records and spikes for the metric.</summary>
public sealed record SeriesAnswer(string By, string? Breakdown, string Metric, ScopeJson Scope, IReadOnlyList<SeriesRows> Rows)
{
    /// <summary>The share of the scope's incidents graded fair or better, with each grade's count (docs/method.md, "Sources and grades").</summary>
    public Reports.Model.SourcingFigure? Sourcing { get; init; }
}

/// <summary>GET /statistics/explain: the ids of the incidents behind one period's figure.</summary>
public sealed record ExplainAnswer(string Period, string? Key, ScopeJson Scope, IReadOnlyList<long> Ids);

/// <summary>GET /datasets: what the database holds (never where it is), and the registry of datasets.</summary>
public sealed record DatabaseAnswer(
    string Backend, int SchemaVersion, long Incidents, long DeletedIncidents, long Revisions, long Sources, long Imports,
    DateOnly? FirstDate, DateOnly? LastDate, IReadOnlyList<Storage.DatasetCount> Datasets, IReadOnlyList<Application.Datasets.DatasetJson> Registry);

/// <summary>POST /imports: what an upload did.</summary>
public sealed record ImportAnswer(
    long ImportId, string File, string Format, long Rows, long Created, long Updated, long Unchanged, long SkippedDeleted, long Rejected,
    string? RejectedRows, IReadOnlyList<string> Notices);

/// <summary>The multipart form of POST /imports: the file (format and skip_invalid are query parameters, or form fields beside it).</summary>
[ApiInput]
public sealed record ImportForm(IFormFile File);

/// <summary>An API key as listed (never the key itself).</summary>
public sealed record KeyAnswer(string Name, string Role, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>A key just created: the only time <c>key</c> is shown.</summary>
public sealed record CreatedKeyAnswer(string Name, string Role, string Key);

/// <summary>POST /review/{id}/accept: what the candidate became.</summary>
public sealed record AcceptAnswer(long Candidate, string Kind, string? AcceptedAs, string Became, IncidentResource? Incident);

/// <summary>
/// The optional body of POST /review/{id}/accept: <c>merge_into</c> (an incident id, with <c>use_figures</c>) for a report,
/// or field edits by kind (each a string or a number; the members listed).
/// </summary>
[ApiInput]
public sealed record AcceptBody(long? MergeInto, bool? UseFigures);

/// <summary>A figure of a group of reports: low, best and high, and the rule that chose them.</summary>
public sealed record MergeFigure(int? Low, int? Best, int? High, string? Rule);

/// <summary>One group of pending reports and what merging it does (new incident, into an existing one, or left for review) and why.</summary>
public sealed record MergeGroup(
    IReadOnlyList<long> Candidates, IReadOnlyList<string> Articles, string Outcome, long? IntoIncident, IReadOnlyList<long> AlsoMatched,
    MergeFigure Killed, MergeFigure Injured, IReadOnlyList<string> Why);

/// <summary>GET /merges/plan.</summary>
public sealed record MergePlanAnswer(IReadOnlyList<MergeGroup> Groups, int Blocks, long StoredIncidentsRead, long Comparisons);

/// <summary>One merge carried out: its id, the incident, whether it went into an existing one, the candidates.</summary>
public sealed record AppliedMergeAnswer(long Merge, long Incident, bool IntoExisting, IReadOnlyList<long> Candidates);

/// <summary>POST /merges/apply.</summary>
public sealed record MergeApplyAnswer(IReadOnlyList<AppliedMergeAnswer> Merges, IReadOnlyList<MergeGroup> LeftForReview);

/// <summary>POST /links/build: counts of what was compared and stored.</summary>
public sealed record LinkBuildAnswer(
    string DatasetA, string DatasetB, string? From, string? To, int WindowDays, int Compared, int Matched, int AmbiguousRecords,
    int Linked, int Ambiguous, int AlreadyLinked, int SkippedRejected, double Seconds);

/// <summary>GET /crossings/{key}/nearby: incidents within the radius per period, during closures and before them, and the rate test.</summary>
public sealed record NearbyAnswer(
    string Crossing, double RadiusKm, IReadOnlyList<string> Datasets, IReadOnlyList<ValueView> PerPeriod,
    Accountability.Border.WindowCount DuringClosures, Accountability.Border.WindowCount BeforeClosures, Accountability.Evaluation.RateComparison? Comparison);

// ---- Bodies read as JSON or YAML text (POST /commitments/{key}/scores, /crossings/{key}/events, /accountability/imports).

/// <summary>A source: its name, when it was published, where.</summary>
[ApiInput]
public sealed record CitationInput(string Name, DateOnly? Published, string? Url);

/// <summary>A judged implementation score: 0 not initiated, 1 minimal, 2 intermediate, 3 full.</summary>
[ApiInput]
public sealed record ScoreInput(DateOnly AssessedOn, int Score, string Evidence, string? Analyst, CitationInput? Source);

/// <summary>A crossing's status from a day on.</summary>
[ApiInput]
public sealed record StatusEventInput(CrossingStatus Status, DateOnly From, string? Reason, CitationInput? Source, bool? Sample, string? Note);

/// <summary>
/// An accountability document (JSON; YAML alike): lists of engagements, commitments, crossings and status events, in the
/// layout of the files under data/accountability. Imported all or nothing.
/// </summary>
[ApiInput]
public sealed record AccountabilityDocumentInput(
    IReadOnlyList<System.Text.Json.JsonElement>? Engagements, IReadOnlyList<System.Text.Json.JsonElement>? Commitments,
    IReadOnlyList<System.Text.Json.JsonElement>? Crossings, IReadOnlyList<System.Text.Json.JsonElement>? StatusEvents);

// ---- Claims: written by hand (ClaimJson, ClaimCheckJson, shared with the command line); these records describe them.

/// <summary>What a claim is about: country (default Pakistan), province, district, actor, event types; region, categories, victims when set.</summary>
public sealed record ClaimScopeShape(string? Country, string? Province, string? District, string? Actor, IReadOnlyList<string> EventTypes)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Region { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<string>? Categories { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Victims { get; init; }
}

/// <summary>
/// A comparison a claim makes: <c>change</c> (percent against previous-period or same-period-last-year), <c>record</c>
/// (since a period; one_of the top N) or <c>all-time</c>.
/// </summary>
public sealed record ClaimComparisonShape(string Kind)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? Percent { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Against { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Since { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? OneOf { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Top { get; init; }
    /// <summary>The place claimed among the periods compared: 1 the deadliest, 2 the second deadliest.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Rank { get; init; }
}

/// <summary>The figure a claim is compared with, as the text states it: "up from 69 in September".</summary>
public sealed record StatedBaselineShape(string Period, double Value, string Qualifier);

/// <summary>Where in a text something was read: character offsets, end excluded.</summary>
public sealed record TextSpanShape(int Start, int End);

/// <summary>
/// A claim as checked: metric (attacks, killed, injured), period (2023-01, 2023-Q1, 2023, 2023-W05, 2023-01-15), value,
/// qualifier (exactly, at-least, at-most, about), scope, comparison; dataset, text and evidence when set.
/// </summary>
public sealed record ClaimShape(string Metric, string Period, double? Value, string Qualifier, ClaimScopeShape Scope, ClaimComparisonShape? Comparison)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<string>? Dataset { get; init; }
    /// <summary>Which sources killed and injured count, when not the default (independent): all or party.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Sources { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Text { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public TextSpanShape? Evidence { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public StatedBaselineShape? Baseline { get; init; }
}

/// <summary>One assertion of a claim checked: what was claimed, what the data give, the difference and the tolerance that decided.</summary>
public sealed record CheckPartShape(
    string What, string Verdict, string Claimed, double? Computed, double? ComputedLow, double? ComputedHigh, double? Difference,
    string Tolerance, string Explanation);

/// <summary>The datasets a claim was checked against, what they cover, and which sources its killed and injured counted (independent, all, party; and in words).</summary>
public sealed record CheckedScopeShape(string Label, IReadOnlyList<string> Datasets, bool PrimaryDefault, bool Deduplicated, string Covers, IReadOnlyList<string> Notes,
    string Sources, string SourcesLabel);

/// <summary>A claim's check: the verdict (supported, contradicted, not-checkable), each part, the scope, and the incidents behind the figure.</summary>
public sealed record ClaimCheckShape(ClaimShape Claim, string Verdict, IReadOnlyList<CheckPartShape> Parts, CheckedScopeShape? Scope, IReadOnlyList<long> IncidentIds);

/// <summary>Where a statistic was read in the article (offsets into the returned text) and the words themselves.</summary>
public sealed record EvidenceShape(int Start, int End, string? Text);

/// <summary>A statistic the article states, checked: the check's members and its evidence.</summary>
public sealed record ArticleStatisticShape(ClaimShape Claim, string Verdict, IReadOnlyList<CheckPartShape> Parts, CheckedScopeShape? Scope, IReadOnlyList<long> IncidentIds, EvidenceShape? Evidence);

/// <summary>POST /claims/extract-and-check: the article's text as read, its statistics checked, and what else the extractor found in it (counts).</summary>
public sealed record ArticleCheckShape(string Text, IReadOnlyList<ArticleStatisticShape> Statistics, bool IncidentReport, int Engagements, int Commitments, int BorderEvents);

/// <summary>A claim accepted from the news, with its article and its verdict checked now.</summary>
public sealed record AcceptedClaimShape(
    long Id, long CandidateId, string ArticleId, string? Source, string? Url, string? Published, string? Evidence, string AcceptedAt, string AcceptedBy,
    string Verdict, ClaimCheckShape Check);

/// <summary>
/// A claim to check (POST /claims/check takes an array of them, or one): metric and period are required; value and
/// qualifier (exactly by default); scope (country Pakistan by default); comparison; a stated baseline; dataset (names, in
/// order of precedence; one name may be given as a string); sources (which sources killed and injured count: independent
/// by default, all or party); the text it was read from and the evidence's place in it. Other members are refused.
/// </summary>
[ApiInput]
public sealed record ClaimInput(
    string Metric, string Period, double? Value, string? Qualifier, ClaimScopeInput? Scope, ClaimComparisonInput? Comparison,
    StatedBaselineInput? Baseline, IReadOnlyList<string>? Dataset, string? Sources, string? Text, TextSpanShape? Evidence);

/// <summary>
/// What a claim is about: the country (default Pakistan), province, district, region (former-fata, kp-mainland), actor,
/// event types, event categories, and the victims counted (civilians, security-forces, militants).
/// </summary>
[ApiInput]
public sealed record ClaimScopeInput(
    string? Country, string? Province, string? District, string? Region, string? Actor, IReadOnlyList<string>? EventTypes,
    IReadOnlyList<string>? Categories, string? Victims);

/// <summary>The comparison a claim makes: kind change (percent, against), record (since, one_of, top, rank) or all-time.</summary>
[ApiInput]
public sealed record ClaimComparisonInput(string Kind, double? Percent, string? Against, string? Since, bool? OneOf, int? Top, int? Rank);

/// <summary>The figure the claim compares itself with, as stated: its period, value and qualifier (exactly by default).</summary>
[ApiInput]
public sealed record StatedBaselineInput(string Period, double Value, string? Qualifier);

/// <summary>Marks a body a client sends: its members are optional unless the endpoint says otherwise (answers write every member).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ApiInputAttribute : Attribute;

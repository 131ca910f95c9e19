using Vigil.Domain.Datasets;
using Vigil.Domain.Incidents;
using Vigil.Domain.Text;

namespace Vigil.Application.Datasets;

/// <summary>
/// How every JSON answer (<c>vigil datasets --json</c> and <c>/api/v1/datasets</c>) states a dataset: snake_case names
/// under the CLI's and the API's conventions, days as YYYY-MM-DD, spans as <c>FROM..TO</c> (inclusive) as an edit takes them.
/// </summary>
public sealed record DatasetJson(
    string Name, string Title, string Description, string Citation, string Licence, bool Redistributable, bool Primary,
    int Position, long Incidents, DatasetCoverageJson Coverage)
{
    public static DatasetJson Of(Dataset d) => new(
        d.Name, d.Title, d.Description, d.Citation, d.Licence, d.Redistributable, d.Primary, d.Position, d.Incidents, DatasetCoverageJson.Of(d.Coverage));
}

/// <summary>
/// A dataset's coverage: the bounds declared (null: none, the data's span applies), the data's first and last day, the
/// bounds in effect, the gaps, countries (empty: those of its data), event types (empty: every kind), what it does not
/// record, whether it is comprehensive, and the spans it covers fully (the effective bounds minus the gaps).
/// </summary>
public sealed record DatasetCoverageJson(
    DateOnly? DeclaredFrom, DateOnly? DeclaredTo, DateOnly? DataFrom, DateOnly? DataTo, DateOnly? EffectiveFrom, DateOnly? EffectiveTo,
    bool WholeYears, IReadOnlyList<string> Gaps, IReadOnlyList<string> Countries, IReadOnlyList<string> EventTypes, string Kinds,
    IReadOnlyList<string> NotRecorded, bool Comprehensive, IReadOnlyList<string> Spans, string? Continues)
{
    public static DatasetCoverageJson Of(DatasetCoverage c) => new(
        c.From, c.To, c.DataFrom, c.DataTo, c.EffectiveFrom, c.EffectiveTo, c.WholeYears,
        [.. c.Gaps.Select(g => g.ToString())], c.Countries, [.. c.EventTypes.Select(EnumText<EventType>.Format)], c.Kinds,
        c.NotRecorded, c.Comprehensive, [.. c.Spans().Select(s => s.ToString())], c.Continues);
}

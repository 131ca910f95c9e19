
namespace Vigil.Application.Scopes;

/// <summary>How every JSON answer (CLI and API) states the scope of its figures.</summary>
public sealed record ScopeJson(
    string Label, IReadOnlyList<string> Datasets, bool PrimaryDefault, bool Linked, string Covers,
    IReadOnlyList<string> Notes, IReadOnlyList<string> NotRecorded, IReadOnlyList<string> Citations)
{
    /// <summary>The countries counted, in words (<see cref="Scope.CountriesLabel"/>).</summary>
    public string Countries { get; init; } = "";

    /// <summary>Which sources killed and injured count: independent, all or party (docs/method.md, "Sources and grades").</summary>
    public string Sources { get; init; } = "independent";

    /// <summary>The minimum grade of the incidents counted, or null for any.</summary>
    public string? MinGrade { get; init; }

    public static ScopeJson Of(Scope scope) => new(
        scope.Label,
        [.. scope.Datasets.Select(d => d.Name)],
        scope.Defaulted,
        scope.Datasets.Count > 1,
        scope.Coverage.Describe(),
        scope.Notes,
        scope.Coverage.NotRecorded,
        scope.Citations)
    {
        Countries = scope.CountriesLabel,
        Sources = Domain.Text.EnumText<Domain.Sources.SourceScope>.Format(scope.Query.Sources),
        MinGrade = scope.Query.MinGrade is { } g ? Domain.Text.EnumText<Domain.Sources.IncidentGrade>.Format(g) : null,
    };
}

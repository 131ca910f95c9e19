using Vigil.Storage;

namespace Vigil.Application.Scopes;

/// <summary>The names a breakdown is asked for by, on the command line, in the API and on the dashboard.</summary>
public static class BreakdownNames
{
    /// <summary>Each name and its dimension; the first name of a dimension is the one listed in help and errors.</summary>
    private static readonly (string Name, GroupBy By)[] Table =
    [
        ("province", GroupBy.Province),
        ("district", GroupBy.District),
        ("perpetrator", GroupBy.Perpetrator),
        ("actor", GroupBy.Perpetrator),
        ("group", GroupBy.Group),
        ("groups-involved", GroupBy.Group),
        ("category", GroupBy.Category),
        ("event-type", GroupBy.EventType),
        ("type", GroupBy.EventType),
        ("target-type", GroupBy.TargetType),
        ("dataset", GroupBy.Dataset),
        ("country", GroupBy.Country),
    ];

    /// <summary>The names listed in help and errors (one per dimension).</summary>
    public static IReadOnlyList<string> Listed { get; } = [.. Table.DistinctBy(t => t.By).Select(t => t.Name)];

    public static GroupBy? Parse(string? name) =>
        Table.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)) is { Name: not null } found ? found.By : null;

    /// <summary>"'x' is not one of: province, district, ..."</summary>
    public static string Problem(string name) => $"'{name}' is not one of: {string.Join(", ", Listed)}";
}

using Vigil.Domain.Errors;
using Vigil.Domain.Text;

namespace Vigil.Extraction.Review;

/// <summary>The fields an analyst may set when accepting each kind of candidate, and parsing shared by the acceptances.</summary>
public static class StatementFields
{
    /// <summary>Editable fields by candidate kind (report, engagement, commitment, border-event, claim).</summary>
    public static IReadOnlyList<string> For(string kind) => kind switch
    {
        "report" => ReportIncident.EditableFields,
        "engagement" => EngagementAcceptance.EditableFields,
        "commitment" => CommitmentAcceptance.EditableFields,
        "border-event" => BorderEventAcceptance.EditableFields,
        _ => [],
    };

    /// <summary>Every field any kind accepts (for checking a --set before the candidate is read).</summary>
    public static IReadOnlyList<string> All { get; } =
        [.. new[] { "report", "engagement", "commitment", "border-event" }.SelectMany(For).Distinct()];

    public static T Enum<T>(string field, string value) where T : struct, System.Enum =>
        EnumText<T>.TryParse(value, out var v) ? v : throw new FieldException(field, $"'{value}' is not one of: {string.Join(", ", EnumText<T>.All)}");
}

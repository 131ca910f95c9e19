using Vigil.Domain.Sources;
using Vigil.Domain.Text;

namespace Vigil.Application.Sources;

/// <summary>A registry entry as the API and <c>--json</c> give it; <c>implied</c>: a dataset of the database not yet graded by anyone.</summary>
public sealed record SourceJson(
    string Key, string Name, IReadOnlyList<string> Aliases, string Type, string? PartySide, string Reliability, string ReliabilityMeaning,
    string? Notes, bool Implied)
{
    public static SourceJson Of(SourceEntry e) => new(
        e.Key, e.Name, e.Aliases, EnumText<SourceType>.Format(e.Type), e.PartySide, e.Reliability.ToString(),
        Domain.Sources.Reliability.Meanings[e.Reliability - 'A'], e.Notes, e.Implied);
}

/// <summary>One edit of an entry: who, when, why, the entry before (null: its creation) and after.</summary>
public sealed record SourceChangeJson(DateTimeOffset At, string Author, string? Reason, SourceJson? Before, SourceJson After)
{
    public static SourceChangeJson Of(SourceEntryChange c) =>
        new(c.At, c.Author, c.Reason, c.Before is null ? null : SourceJson.Of(c.Before), SourceJson.Of(c.After));
}

/// <summary>An entry with its history, for <c>vigil sources show</c> and <c>GET /api/v1/sources/{key}</c>.</summary>
public sealed record SourceDetailJson(SourceJson Source, IReadOnlyList<SourceChangeJson> History);

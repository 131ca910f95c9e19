using Vigil.Domain.Incidents;
using Vigil.Extraction.Numbers;
using Vigil.Extraction.Text;

namespace Vigil.Extraction.Incidents;

/// <summary>
/// What one article says about one attack, each value with its evidence span in the article's text. Null is
/// "the text does not say", never zero. <see cref="Killed"/> and <see cref="Injured"/> are the article's figures
/// (the last revision, else the largest); <see cref="Casualties"/> lists every figure found. Killed counts
/// everyone the text says died, perpetrators included when the text counts them (their share is in the
/// mention's groups as militants).
/// </summary>
public sealed record ExtractedReport
{
    public required string ArticleId { get; init; }
    public DateOnly? Published { get; init; }
    public string? Source { get; init; }
    public Spanned<IncidentDate>? Date { get; init; }
    public string? DateRule { get; init; }
    public PlaceMention? Place { get; init; }
    public Spanned<EventType>? EventType { get; init; }
    public Spanned<Perpetrator>? Perpetrator { get; init; }
    public IReadOnlyList<Spanned<TargetType>> Targets { get; init; } = [];
    public CasualtyMention? Killed { get; init; }
    public CasualtyMention? Injured { get; init; }
    public IReadOnlyList<CasualtyMention> Casualties { get; init; } = [];
}

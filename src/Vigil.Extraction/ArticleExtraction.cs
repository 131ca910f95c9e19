using Vigil.Domain.Claims;
using Vigil.Extraction.Incidents;
using Vigil.Extraction.Input;
using Vigil.Extraction.Statements;

namespace Vigil.Extraction;

/// <summary>Everything extracted from one article. Character offsets are into <see cref="Text"/>.</summary>
public sealed record ArticleExtraction(
    Article Article,
    string Text,
    ExtractedReport? Report,
    IReadOnlyList<Claim> Claims,
    IReadOnlyList<Engagement> Engagements,
    IReadOnlyList<BorderEvent> BorderEvents,
    IReadOnlyList<Commitment> Commitments);

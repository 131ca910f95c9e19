using Vigil.Domain.Claims;
using Vigil.Extraction.Documents;
using Vigil.Extraction.Incidents;
using Vigil.Extraction.Input;
using Vigil.Extraction.Statements;

namespace Vigil.Extraction;

/// <summary>
/// Everything extracted from one article. Character offsets are into <see cref="Text"/>. <see cref="Report"/> is
/// null unless the article's <see cref="Document"/> kind yields an incident (a roundup's totals are no attack).
/// </summary>
public sealed record ArticleExtraction(
    Article Article,
    string Text,
    ExtractedReport? Report,
    IReadOnlyList<Claim> Claims,
    IReadOnlyList<Engagement> Engagements,
    IReadOnlyList<BorderEvent> BorderEvents,
    IReadOnlyList<Commitment> Commitments,
    DocumentClassification Document);

using Vigil.Application.Reference;
using Vigil.Domain.Claims;
using Vigil.Domain.Errors;
using Vigil.Extraction;
using Vigil.Extraction.Input;
using Vigil.Storage;

namespace Vigil.Application.Claims;

/// <summary>An article pasted to be checked: its text (or HTML), when and where it was published, and the datasets to check it against.</summary>
public sealed record ArticleCheckRequest(string Text, bool IsHtml = false, DateOnly? Published = null, string? Source = null, string? Title = null)
{
    /// <summary>The datasets its statistics are checked against (none: the database's primary dataset).</summary>
    public IReadOnlyList<string> Datasets { get; init; } = [];
}

/// <summary>One statistic found in the article, checked, with where it stands in the text.</summary>
public sealed record ArticleStatistic(ClaimCheck Check, TextSpan? Evidence, string? EvidenceText);

/// <summary>The article's text as read (markup taken out), the statistics found and checked, and what else the extractor saw.</summary>
public sealed record ArticleCheckResult(string Text, IReadOnlyList<ArticleStatistic> Statistics, ArticleExtraction Extraction);

/// <summary>
/// Paste and check: the statistics an article states, found by the extractor and each checked against the data in its
/// scope (the datasets asked for, else the primary one), with the evidence in the text — for the dashboard's Claims
/// page and <c>POST /api/v1/claims/extract-and-check</c>. Nothing is written.
/// </summary>
public sealed class ArticleClaimChecks(IVigilDatabase db, ReferenceData reference)
{
    /// <exception cref="FieldException">An empty or oversized text (<c>text</c>), or a dataset the database does not hold (<c>dataset</c>).</exception>
    public ArticleCheckResult Run(ArticleCheckRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Text))
            throw new FieldException("text", "is empty: paste the article's text or HTML");
        if (request.Text.Length > ExtractionBudget.MaxInputChars)
            throw new FieldException("text", $"is {request.Text.Length:N0} characters; at most {ExtractionBudget.MaxInputChars:N0} are read");
        var text = request.IsHtml ? HtmlText.ToText(request.Text) : request.Text;
        var extraction = reference.Extractor.Extract(new Article("pasted", text, request.Published, request.Source, null, request.Title));
        var checks = new ClaimChecks(db, reference);
        var statistics = extraction.Claims
            .Select(c => c with { Scope = c.Scope with { Datasets = request.Datasets.Count > 0 ? request.Datasets : c.Scope.Datasets } })
            .Select(c => new ArticleStatistic(checks.Check(c), c.Evidence, Excerpt(extraction.Text, c.Evidence)))
            .ToList();
        return new ArticleCheckResult(extraction.Text, statistics, extraction);
    }

    private static string? Excerpt(string text, TextSpan? span) =>
        span is { } s && s.Start >= 0 && s.End <= text.Length && s.Start < s.End ? text[s.Start..s.End] : null;
}

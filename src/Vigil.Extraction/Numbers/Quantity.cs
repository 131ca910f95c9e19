using Vigil.Domain.Claims;

namespace Vigil.Extraction.Numbers;

/// <summary>
/// A number phrase read from text as a range: "at least 12" is low 12, best 12, high null. Null means the
/// phrase says nothing about that bound. <see cref="Value"/> and <see cref="Qualifier"/> keep what the text
/// said ("more than 100" is 100, more-than) for claims. <see cref="Rule"/> names the convention used (see
/// <see cref="QuantityParser"/>); <see cref="FirstToken"/>..<see cref="EndToken"/> are token indexes (end exclusive).
/// </summary>
public sealed record Quantity(long? Low, long? Best, long? High, long Value, ValueQualifier Qualifier, string Rule, int FirstToken, int EndToken)
{
    public bool IsVague => Rule.StartsWith("vague:", StringComparison.Ordinal);
}

using Vigil.Domain.Claims;
using Vigil.Extraction.Text;

namespace Vigil.Extraction.Numbers;

/// <summary>
/// Reads a number phrase starting at a token. The conventions (each result names its rule):
/// <list type="bullet">
/// <item>"12", "twelve", "twenty-three", "a dozen" (12), "half a dozen" (6), "two hundred and five": exact.</item>
/// <item>"at least N", "no fewer than N", "a minimum of N", "N or more": low N, best N, high unknown.</item>
/// <item>"more than N", "over N", "upwards of N": low and best N+1, high unknown (the claim keeps N, more-than);
/// the rule says so: <c>more-than:stated+1</c>.</item>
/// <item>"up to N", "as many as N": low unknown, best N, high N.</item>
/// <item>"nearly N", "almost N", "close to N": low unknown, best N, high N.</item>
/// <item>"about / around / some / approximately / roughly / an estimated N": best N, low and high unknown.</item>
/// <item>"less than N", "fewer than N", "under N": best and high N-1, low unknown (rule <c>less-than:stated-1</c>).</item>
/// <item>"15 to 20", "15-20", "two or three", "between 15 and 20": low 15, high 20, best the midpoint rounded down.</item>
/// <item>Vague words, a documented convention with the phrase kept: "a few" 2 / 3 / 5; "several" 3 / 4 / 9;
/// "dozens" 24 / 36 / 99; "scores" 40 / 60 / 199; "hundreds" 200 / 300 / 999 (low / best / high).</item>
/// </list>
/// </summary>
public static class QuantityParser
{
    private static readonly (string[] Words, ValueQualifier Qualifier)[] Qualifiers =
    [
        (["at", "least"], ValueQualifier.AtLeast),
        (["at", "the", "least"], ValueQualifier.AtLeast),
        (["no", "fewer", "than"], ValueQualifier.AtLeast),
        (["no", "less", "than"], ValueQualifier.AtLeast),
        (["not", "less", "than"], ValueQualifier.AtLeast),
        (["a", "minimum", "of"], ValueQualifier.AtLeast),
        (["more", "than"], ValueQualifier.MoreThan),
        (["over"], ValueQualifier.MoreThan),
        (["upwards", "of"], ValueQualifier.MoreThan),
        (["in", "excess", "of"], ValueQualifier.MoreThan),
        (["up", "to"], ValueQualifier.AtMost),
        (["as", "many", "as"], ValueQualifier.AtMost),
        (["nearly"], ValueQualifier.About),
        (["almost"], ValueQualifier.About),
        (["close", "to"], ValueQualifier.About),
        (["about"], ValueQualifier.About),
        (["around"], ValueQualifier.About),
        (["some"], ValueQualifier.About),
        (["approximately"], ValueQualifier.About),
        (["roughly"], ValueQualifier.About),
        (["an", "estimated"], ValueQualifier.About),
        (["estimated"], ValueQualifier.About),
        (["less", "than"], ValueQualifier.LessThan),
        (["fewer", "than"], ValueQualifier.LessThan),
        (["under"], ValueQualifier.LessThan),
    ];

    private static readonly Dictionary<string, (long Low, long Best, long High)> Vague = new(StringComparer.Ordinal)
    {
        ["several"] = (3, 4, 9),
        ["dozens"] = (24, 36, 99),
        ["scores"] = (40, 60, 199),
        ["hundreds"] = (200, 300, 999),
    };

    /// <summary>A quantity starting exactly at token <paramref name="i"/>, or null.</summary>
    public static Quantity? TryParse(List<Token> tokens, int i)
    {
        if (i >= tokens.Count)
            return null;
        var first = i;
        var qualifier = ValueQualifier.Exactly;
        var qualifierWords = "";
        var ceiling = 0;
        foreach (var (words, q) in Qualifiers)
        {
            if (Matches(tokens, i, words))
            {
                qualifier = q;
                qualifierWords = string.Join(' ', words);
                ceiling = words.Length;
                break;
            }
        }
        i += ceiling;
        if (qualifier == ValueQualifier.Exactly && Matches(tokens, i, ["between"]) && Cardinal(tokens, i + 1) is { } from
            && from.End < tokens.Count && tokens[from.End].Is("and") && Cardinal(tokens, from.End + 1) is { } to && to.Value > from.Value)
            return Range(from.Value, to.Value, first, to.End);

        if (VagueAt(tokens, i) is { } vague)
        {
            if (qualifier != ValueQualifier.Exactly && qualifierWords is not ("some" or "about" or "around"))
                return null;
            return vague with { FirstToken = first };
        }
        if (Cardinal(tokens, i) is not { } number)
            return null;
        var end = number.End;
        // "15 to 20", "15-20", "two or three"
        if (qualifier == ValueQualifier.Exactly && end + 1 < tokens.Count && tokens[end].Lower is "to" or "-" or "–" or "or"
            && Cardinal(tokens, end + 1) is { } upper && upper.Value > number.Value && upper.Value < number.Value * 20 + 10)
            return Range(number.Value, upper.Value, first, upper.End);
        // "10 or more"
        if (qualifier == ValueQualifier.Exactly && Matches(tokens, end, ["or", "more"]))
            return Make(number.Value, ValueQualifier.AtLeast, "or-more", first, end + 2);
        return Make(number.Value, qualifier, qualifierWords.Length == 0 ? number.Rule : qualifierWords.Replace(' ', '-') + Convention(qualifier), first, end);
    }

    // The rule states the convention that moved best off the stated number, so a reader can undo it.
    private static string Convention(ValueQualifier q) => q switch
    {
        ValueQualifier.MoreThan => ":stated+1",
        ValueQualifier.LessThan => ":stated-1",
        _ => "",
    };

    private static Quantity Make(long v, ValueQualifier q, string rule, int first, int end) => q switch
    {
        ValueQualifier.AtLeast => new(v, v, null, v, q, rule, first, end),
        ValueQualifier.MoreThan => new(v + 1, v + 1, null, v, q, rule, first, end),
        ValueQualifier.AtMost => new(null, v, v, v, q, rule, first, end),
        ValueQualifier.LessThan => new(null, Math.Max(0, v - 1), Math.Max(0, v - 1), v, q, rule, first, end),
        ValueQualifier.About when rule is "nearly" or "almost" or "close-to" => new(null, v, v, v, q, rule, first, end),
        ValueQualifier.About => new(null, v, null, v, q, rule, first, end),
        _ => new(v, v, v, v, q, rule, first, end),
    };

    private static Quantity Range(long low, long high, int first, int end) =>
        new(low, low + (high - low) / 2, high, low, ValueQualifier.AtLeast, "range", first, end);

    private static Quantity? VagueAt(List<Token> tokens, int i)
    {
        if (i >= tokens.Count)
            return null;
        if (Matches(tokens, i, ["a", "few"]))
            return new Quantity(2, 3, 5, 2, ValueQualifier.AtLeast, "vague:a-few", i, i + 2);
        if (Vague.TryGetValue(tokens[i].Lower, out var v))
        {
            var end = i + 1;
            if (end < tokens.Count && tokens[end].Is("of"))
                end++;
            // "scores" is vague only before people ("scores of people", "scores were injured"), not "scores of goals".
            return new Quantity(v.Low, v.Best, v.High, v.Low, ValueQualifier.AtLeast, "vague:" + tokens[i].Lower, i, end);
        }
        return null;
    }

    /// <summary>A cardinal number (digits or words) at token i: its value, the token after it, and its rule.</summary>
    public static (long Value, int End, string Rule)? Cardinal(List<Token> tokens, int i)
    {
        if (i >= tokens.Count)
            return null;
        var t = tokens[i];
        if (t.Kind == TokenKind.Number)
        {
            if (!NumberWords.TryDigits(t.Lower, out var digits))
                return null;
            var end = i + 1;
            if (end < tokens.Count && tokens[end].Lower is "thousand" or "million" or "dozen" or "hundred")
            {
                digits *= NumberWords.Multiplier(tokens[end].Lower);
                end++;
            }
            return digits > NumberWords.Ceiling ? null : (digits, end, "digits");
        }
        if (t.Kind != TokenKind.Word)
            return null;
        if (Matches(tokens, i, ["half", "a", "dozen"]))
            return (6, i + 3, "dozen");
        if (t.Lower is "a" or "an" && i + 1 < tokens.Count && tokens[i + 1].Lower is "dozen" or "hundred" or "thousand")
            return ScaleWords(tokens, i + 1, 1);
        if (!NumberWords.TrySmall(t.Lower, out var small))
            return null;
        var next = i + 1;
        // "twenty three"
        if (small >= 20 && small % 10 == 0 && next < tokens.Count && NumberWords.TrySmall(tokens[next].Lower, out var unit) && unit is > 0 and < 10)
        {
            small += unit;
            next++;
        }
        if (next < tokens.Count && NumberWords.IsMultiplier(tokens[next].Lower))
            return ScaleWords(tokens, next, small);
        return (small, next, "words");
    }

    private static (long Value, int End, string Rule)? ScaleWords(List<Token> tokens, int i, long factor)
    {
        var word = tokens[i].Lower;
        var value = factor * NumberWords.Multiplier(word);
        var end = i + 1;
        var rule = word == "dozen" ? "dozen" : "words";
        // "two hundred and five", "one hundred twenty"
        if (word is "hundred" or "thousand")
        {
            var j = end < tokens.Count && tokens[end].Is("and") ? end + 1 : end;
            if (j < tokens.Count && NumberWords.TrySmall(tokens[j].Lower, out var rest))
            {
                value += rest;
                end = j + 1;
            }
        }
        return value > NumberWords.Ceiling ? null : (value, end, rule);
    }

    public static bool Matches(List<Token> tokens, int i, string[] words)
    {
        if (i + words.Length > tokens.Count)
            return false;
        for (var k = 0; k < words.Length; k++)
        {
            if (!tokens[i + k].Is(words[k]))
                return false;
        }
        return true;
    }
}

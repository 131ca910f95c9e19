using System.Globalization;
using System.Text;

namespace Vigil.Domain.Text;

/// <summary>
/// The key names are matched by: lower case, diacritics removed, every run of characters that are not
/// letters or digits turned into one space, trimmed. "Khyber Pakhtūnkhwā", "KHYBER-PAKHTUNKHWA" and
/// " khyber  pakhtunkhwa " share one key. Works on Unicode scalar values, so letters outside the Basic
/// Multilingual Plane (𝐓𝐓𝐏) and emoji are handled whole; a lone surrogate counts as a separator.
/// </summary>
public static class NameKey
{
    public static string Of(ReadOnlySpan<char> name)
    {
        var sb = new StringBuilder(name.Length);
        var pendingSpace = false;
        Span<char> one = stackalloc char[2];
        foreach (var rune in name.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                var c = (char)rune.Value;
                if (char.IsAsciiLetterOrDigit(c))
                    Append(sb, Rune.ToLowerInvariant(rune), ref pendingSpace);
                else
                    pendingSpace = sb.Length > 0;
                continue;
            }
            // A lone surrogate arrives as U+FFFD, which is a symbol: a separator, never an exception.
            var written = rune.EncodeToUtf16(one);
            foreach (var d in one[..written].ToString().Normalize(NormalizationForm.FormD).EnumerateRunes())
            {
                var category = Rune.GetUnicodeCategory(d);
                if (category == UnicodeCategory.NonSpacingMark)
                    continue;
                if (Rune.IsLetterOrDigit(d))
                    Append(sb, Rune.ToLowerInvariant(d), ref pendingSpace);
                else if (category is not UnicodeCategory.ModifierLetter and not UnicodeCategory.Format)
                    pendingSpace = sb.Length > 0;
            }
        }
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, Rune r, ref bool pendingSpace)
    {
        if (pendingSpace)
        {
            sb.Append(' ');
            pendingSpace = false;
        }
        Span<char> buffer = stackalloc char[2];
        sb.Append(buffer[..r.EncodeToUtf16(buffer)]);
    }
}

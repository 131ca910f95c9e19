using System.Globalization;
using System.Text;

namespace Vigil.Domain.Text;

/// <summary>
/// The key names are matched by: lower case, diacritics removed, every run of characters that are not
/// letters or digits turned into one space, trimmed. "Khyber Pakhtūnkhwā", "KHYBER-PAKHTUNKHWA" and
/// " khyber  pakhtunkhwa " share one key.
/// </summary>
public static class NameKey
{
    public static string Of(ReadOnlySpan<char> name)
    {
        var sb = new StringBuilder(name.Length);
        var pendingSpace = false;
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                Append(sb, char.ToLowerInvariant(c), ref pendingSpace);
            }
            else if (c < 128)
            {
                pendingSpace = sb.Length > 0;
            }
            else
            {
                foreach (var d in c.ToString().Normalize(NormalizationForm.FormD))
                {
                    var category = CharUnicodeInfo.GetUnicodeCategory(d);
                    if (category == UnicodeCategory.NonSpacingMark)
                        continue;
                    if (char.IsLetterOrDigit(d))
                        Append(sb, char.ToLowerInvariant(d), ref pendingSpace);
                    else if (category is not UnicodeCategory.ModifierLetter and not UnicodeCategory.Format)
                        pendingSpace = sb.Length > 0;
                }
            }
        }
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, char c, ref bool pendingSpace)
    {
        if (pendingSpace)
        {
            sb.Append(' ');
            pendingSpace = false;
        }
        sb.Append(c);
    }
}

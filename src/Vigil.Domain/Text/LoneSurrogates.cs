using System.Globalization;
using System.Text;

namespace Vigil.Domain.Text;

/// <summary>
/// Text fit to print: a lone surrogate (how an import carries a byte that is not UTF-8, U+DC80..U+DCFF for the
/// bytes 0x80..0xFF) cannot be written as UTF-8, so a message shows it as the byte it stands for (<c>\xE9</c>), or
/// as <c>\uD800</c> for any other lone surrogate.
/// </summary>
public static class LoneSurrogates
{
    public static string Readable(string text)
    {
        var i = IndexOfLone(text, 0);
        if (i < 0)
            return text;
        var sb = new StringBuilder(text.Length + 8);
        var from = 0;
        while (i >= 0)
        {
            sb.Append(text, from, i - from);
            var c = text[i];
            sb.Append(c is >= '\uDC80' and <= '\uDCFF'
                ? "\\x" + (c - 0xDC00).ToString("X2", CultureInfo.InvariantCulture)
                : "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture));
            from = i + 1;
            i = IndexOfLone(text, from);
        }
        return sb.Append(text, from, text.Length - from).ToString();
    }

    private static int IndexOfLone(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }
                return i;
            }
            if (char.IsLowSurrogate(text[i]))
                return i;
        }
        return -1;
    }
}

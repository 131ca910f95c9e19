using System.Text;

namespace Vigil.TestSupport.Hostile;

/// <summary>
/// Generated hostile values for fuzzing parameters, fields and file cells: deterministic (a fixed seed),
/// bounded in number. Random Unicode with surrogate pairs, lone surrogates, combining marks, bidi
/// controls and NUL; calendar-edge dates; huge, negative, NaN and infinite numbers; very long strings.
/// </summary>
public static class HostileValues
{
    public const int Seed = 13;

    /// <summary>The fixed cases every parameter gets.</summary>
    public static readonly IReadOnlyList<string> Fixed =
    [
        "", " ", "\0", "a\0b", "\uD800", "\uDC00x", "𝐓𝐓𝐏", "💣🔥", "e\u0301\u0301\u0301\u0301", "\u202Eevil\u202C", "\u200F\u200E\u2066x\u2069",
        "0001-01-01", "9999-12-31", "9999-12", "9999", "0000", "0000-W01", "9999-W53", "2024-02-30", "2023-02-29", "1900-01-01", "2100-12-31", "2090-05-01",
        "-1", "0", "2147483648", "-2147483649", "99999999999", "1e308", "-1e308", "NaN", "Infinity", "-Infinity", "0x10", "1.5", "١٢٣",
        "true", "null", "[]", "{}", "'; DROP TABLE incidents; --", "<script>alert(1)</script>", "javascript:alert(1)", "../../etc/passwd", "%00", "%2F",
        new string('a', 10_000), string.Concat(Enumerable.Repeat("𝐓", 3_000)),
    ];

    /// <summary><paramref name="count"/> random Unicode strings from the seed, then the fixed cases.</summary>
    public static IReadOnlyList<string> For(int seed, int count = 8)
    {
        var random = new Random(Seed * 7919 + seed);
        var values = new List<string>(Fixed);
        for (var i = 0; i < count; i++)
            values.Add(RandomUnicode(random, random.Next(1, 40)));
        return values;
    }

    public static string RandomUnicode(Random random, int length)
    {
        var sb = new StringBuilder(length * 2);
        for (var i = 0; i < length; i++)
        {
            switch (random.Next(8))
            {
                case 0: sb.Append((char)random.Next(0xD800, 0xE000)); break; // lone surrogate
                case 1: sb.Append(char.ConvertFromUtf32(random.Next(0x10000, 0x10FFFF + 1) is var cp && cp is >= 0xD800 and < 0xE000 ? 0x1F4A3 : cp)); break;
                case 2: sb.Append((char)random.Next(0x0300, 0x0370)); break; // combining marks
                case 3: sb.Append("\u202A\u202B\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F"[random.Next(10)]); break; // bidi controls
                case 4: sb.Append((char)random.Next(0, 32)); break; // controls, NUL
                case 5: sb.Append((char)random.Next(0x20, 0x7F)); break;
                default: sb.Append((char)random.Next(0xA0, 0xD800)); break;
            }
        }
        return sb.ToString();
    }
}

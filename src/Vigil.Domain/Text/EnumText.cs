using System.Collections.Frozen;
using System.Text;

namespace Vigil.Domain.Text;

/// <summary>
/// The text form of Vigil's enums: kebab-case names ("armed-clash", "security-forces"), used in files,
/// the database and on the command line.
/// </summary>
public static class EnumText<T> where T : struct, Enum
{
    private static readonly FrozenDictionary<T, string> Names =
        Enum.GetValues<T>().ToFrozenDictionary(v => v, v => Kebab(v.ToString()));

    private static readonly FrozenDictionary<string, T> Values =
        Names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every accepted name, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = Enum.GetValues<T>().Select(v => Names[v]).ToArray();

    public static string Format(T value) =>
        Names.TryGetValue(value, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(value), value, null);

    public static bool TryParse(string? text, out T value)
    {
        if (text is not null && Values.TryGetValue(text.Trim(), out value))
            return true;
        value = default;
        return false;
    }

    public static T Parse(string text) =>
        TryParse(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not one of: {string.Join(", ", All)}");

    internal static string Kebab(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c))
            {
                if (i > 0) sb.Append('-');
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}

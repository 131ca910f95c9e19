using Vigil.Domain.Incidents;

namespace Vigil.Domain.Text;

/// <summary>The text form of <see cref="QualityFlags"/>: kebab-case names joined by "; ".</summary>
public static class FlagsText
{
    private static readonly QualityFlags[] Each =
        Enum.GetValues<QualityFlags>().Where(f => f != QualityFlags.None).ToArray();

    public static string? Format(QualityFlags flags)
    {
        if (flags == QualityFlags.None)
            return null;
        return string.Join("; ", Each.Where(f => flags.HasFlag(f)).Select(EnumText<QualityFlags>.Format));
    }

    public static QualityFlags Parse(string? text)
    {
        var flags = QualityFlags.None;
        if (string.IsNullOrWhiteSpace(text))
            return flags;
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            flags |= EnumText<QualityFlags>.Parse(part);
        return flags;
    }
}

using PdfSharp.Fonts;

namespace Vigil.Reports.Fonts;

/// <summary>
/// PdfSharp finds no font on Linux by itself; this serves the bundled DejaVu Sans. PdfSharp's resolver is
/// process-wide and may be set only before its first use: when a host application has set its own, ours
/// goes in as the fallback.
/// </summary>
internal static class PdfFonts
{
    private static readonly Lock Gate = new();
    private static readonly Resolver Instance = new();

    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is null)
                GlobalFontSettings.FontResolver = Instance;
            else if (!ReferenceEquals(GlobalFontSettings.FontResolver, Instance) && GlobalFontSettings.FallbackFontResolver is null)
                GlobalFontSettings.FallbackFontResolver = Instance;
        }
    }

    private sealed class Resolver : IFontResolver
    {
        private const string RegularFace = "DejaVuSans";
        private const string BoldFace = "DejaVuSans-Bold";

        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            BundledFonts.IsFamily(familyName)
                // No italic face is bundled; PdfSharp slants the upright one.
                ? new FontResolverInfo(bold ? BoldFace : RegularFace, false, italic)
                : null;

        public byte[]? GetFont(string faceName) => faceName switch
        {
            RegularFace => BundledFonts.Regular,
            BoldFace => BundledFonts.Bold,
            _ => null,
        };
    }
}

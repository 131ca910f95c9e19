using ScottPlot;
using SkiaSharp;

namespace Vigil.Reports.Fonts;

/// <summary>Makes the bundled font available to ScottPlot under <see cref="BundledFonts.Family"/>.</summary>
internal static class ChartFonts
{
    private static readonly Lock Gate = new();
    private static bool _registered;

    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (_registered)
                return;
            // First in the list, so the bundled face wins over an installed DejaVu of another version.
            ScottPlot.Fonts.FontResolvers.Insert(0, new Resolver());
            _registered = true;
        }
    }

    private sealed class Resolver : IFontResolver
    {
        public SKTypeface CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            Create(fontName, weight >= FontWeight.SemiBold);

        public SKTypeface CreateTypeface(string fontName, bool bold, bool italic) => Create(fontName, bold);

        // ScottPlot asks each resolver in turn and takes the first typeface that is not null.
        private static SKTypeface Create(string fontName, bool bold)
        {
            if (!BundledFonts.IsFamily(fontName))
                return null!;
            using var data = SKData.CreateCopy(bold ? BundledFonts.Bold : BundledFonts.Regular);
            return SKTypeface.FromData(data);
        }
    }
}

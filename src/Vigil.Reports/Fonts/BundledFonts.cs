namespace Vigil.Reports.Fonts;

/// <summary>
/// DejaVu Sans, embedded from data/fonts (licence: data/fonts/LICENSE-DejaVu.txt). Reports use it
/// everywhere (PDF text, chart and map images) so that they look the same on a machine with no fonts
/// installed.
/// </summary>
public static class BundledFonts
{
    /// <summary>The family name the charts and the PDF ask for.</summary>
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<byte[]> LazyRegular = new(() => Read("DejaVuSans.ttf"));
    private static readonly Lazy<byte[]> LazyBold = new(() => Read("DejaVuSans-Bold.ttf"));

    public static byte[] Regular => LazyRegular.Value;
    public static byte[] Bold => LazyBold.Value;

    public static bool IsFamily(string? name) => string.Equals(name, Family, StringComparison.OrdinalIgnoreCase);

    private static byte[] Read(string file)
    {
        using var stream = typeof(BundledFonts).Assembly.GetManifestResourceStream("Vigil.Reports." + file)
            ?? throw new InvalidOperationException($"Vigil.Reports was built without its font {file} (data/fonts)");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

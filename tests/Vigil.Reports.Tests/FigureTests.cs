using System.Buffers.Binary;
using SkiaSharp;
using Vigil.Geo;
using Vigil.Reports.Figures;
using Vigil.Reports.Maps;

namespace Vigil.Reports.Tests;

public sealed class FigureTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool IsPng(byte[] bytes) => bytes.AsSpan().StartsWith(PngSignature);

    [Fact]
    public void Charts_and_map_are_valid_pngs_at_twice_their_layout_size()
    {
        var figures = ReportFigures.For(SampleReport.Create());
        Assert.Equal(["trend", "provinces", "map"], figures.All.Select(f => f.Name));
        foreach (var figure in figures.All)
        {
            var png = figure.Png;
            Assert.True(IsPng(png), $"{figure.Name} has no PNG signature");
            // IHDR: width and height as big-endian integers at bytes 16 and 20.
            Assert.Equal(figure.Width * ReportFigure.PngScale, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
            Assert.Equal(figure.Height * ReportFigure.PngScale, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
            Assert.InRange(figure.Width, 600, 1000);
            Assert.InRange(figure.Height, 150, 1000);
            using var bitmap = SKBitmap.Decode(png);
            Assert.NotNull(bitmap);
            // A picture, not a blank: many distinct colours.
            var colours = new HashSet<SKColor>();
            for (var y = 0; y < bitmap.Height; y += 7)
            {
                for (var x = 0; x < bitmap.Width; x += 7)
                    colours.Add(bitmap.GetPixel(x, y));
            }
            Assert.True(colours.Count > 20, $"{figure.Name} has only {colours.Count} colours");
        }
    }

    [Fact]
    public void Map_fills_a_district_with_deaths_in_its_class_colour_and_one_without_in_grey()
    {
        var report = SampleReport.Create();
        var map = ChoroplethMap.Create(report)!;
        using var bitmap = SKBitmap.Decode(map.Figure.Png);

        // North Waziristan: 30 killed, the highest class. Chagai: none recorded.
        var northWaziristan = PixelAt(bitmap, map, "North Waziristan");
        var chagai = PixelAt(bitmap, map, "Chagai");

        Assert.Equal("21–30", map.Classes[^1].Label);
        Assert.Equal(SKColor.Parse(map.Classes[^1].HexColor), northWaziristan);
        Assert.Equal(SKColor.Parse(MapClasses.NoneHexColor), chagai);
        Assert.NotEqual(northWaziristan, chagai);
    }

    [Fact]
    public void Map_of_a_province_report_greys_out_the_rest_of_the_country()
    {
        var report = SampleReport.Create() with { Scope = "Baluchistan" };
        var map = ChoroplethMap.Create(report)!;
        using var bitmap = SKBitmap.Decode(map.Figure.Png);

        Assert.Equal("PK-BA", map.Scope.Province?.Code);
        Assert.Equal(SKColor.Parse(MapClasses.ColorOf(map.Classes, 25)), PixelAt(bitmap, map, "Quetta"));
        // Dera Ghazi Khan (Punjab) had deaths, but lies outside the province: context colour, and named as not mapped.
        Assert.Equal(SKColor.Parse(MapClasses.ContextHexColor), PixelAt(bitmap, map, "Dera Ghazi Khan"));
        Assert.Contains(map.Unmapped, d => d.District == "Dera Ghazi Khan");
    }

    [Fact]
    public void Map_lists_a_district_with_deaths_but_no_polygon_as_not_mapped()
    {
        var fr = new Model.DistrictValue("Pakistan", "Frontier Region Peshawar", null, 3, 1);
        var report = SampleReport.Create() with { Districts = [.. SampleReport.Create().Districts, fr] };
        var map = ChoroplethMap.Create(report)!;
        Assert.Equal([fr], map.Unmapped);
        Assert.Equal("Not on the map (no boundary in the bundled layer, or outside the area shown): Frontier Region Peshawar (3 killed).",
            ReportSections.UnmappedNote(map));
    }

    [Fact]
    public void Map_projection_draws_a_degree_of_longitude_cos_latitude_times_a_degree_of_latitude()
    {
        var map = ChoroplethMap.Create(SampleReport.Create())!;
        var p = map.Projection;
        var (x0, y0) = p.ToPixel(70, 30);
        var (x1, _) = p.ToPixel(71, 30);
        var (_, y1) = p.ToPixel(70, 31);
        Assert.Equal(p.CosLatitude, (x1 - x0) / (y0 - y1), 6);
        // Pakistan's extent is about 23.7–37.1 °N: the correction is taken near 30.4 °N.
        Assert.Equal(Math.Cos(30.37 * Math.PI / 180), p.CosLatitude, 2);
        var (lon, lat) = p.ToLonLat(x0, y0);
        Assert.Equal(70, lon, 9);
        Assert.Equal(30, lat, 9);
    }

    [Theory]
    [InlineData(new long[] { 30, 25, 22, 6, 2, 2 }, "1–2,3–5,6–10,11–20,21–30")]
    [InlineData(new long[] { 7 }, "1–7")]
    [InlineData(new long[] { 1, 2 }, "1,2")]
    [InlineData(new long[] { 250, 3, 1, 40, 12, 0 }, "1–5,6–10,11–30,31–100,101–250")]
    [InlineData(new long[] { 3, 1 }, "1,2,3")]
    [InlineData(new long[] { 0, 0 }, "")]
    public void Map_class_breaks_are_rounded_and_cover_one_to_the_highest_value(long[] values, string expected)
    {
        var classes = MapClasses.For(values);
        Assert.Equal(expected, string.Join(',', classes.Select(c => c.Label)));
        Assert.All(values.Where(v => v > 0), v => Assert.Single(classes, c => c.Contains(v)));
        Assert.Equal(classes.Count, classes.Select(c => c.HexColor).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Map_scope_reads_a_country_a_province_or_falls_back_to_the_districts_country()
    {
        var report = SampleReport.Create();
        Assert.Equal(new MapScope("PAK", null), MapScope.Of(report));
        Assert.Equal("AF-NAN", MapScope.Of(report with { Scope = "Nangarhar" })?.Province?.Code);
        // FATA no longer exists: its territory is Khyber Pakhtunkhwa's.
        Assert.Equal("PK-KP", MapScope.Of(report with { Scope = "FATA" })?.Province?.Code);
        Assert.Equal(new MapScope("PAK", null), MapScope.Of(report with { Scope = "Pakistan–Afghanistan border" }));
        Assert.Null(MapScope.Of(report with { Scope = "Atlantis", Districts = [] }));
    }

    [Fact]
    public void Map_of_two_countries_fills_an_Afghan_and_a_Pakistani_district_in_their_class_colours()
    {
        var spinBoldak = Gazetteer.Bundled.FindDistrict("Spin Boldak", "AFG")!;
        var quetta = Gazetteer.Bundled.FindDistrict("Quetta", "PAK")!;
        var map = ChoroplethMap.Create(new MapScope(["AFG", "PAK"], null), "March 2026",
            [new("AFG", spinBoldak.Name, spinBoldak.BoundaryId, 30, 2), new("PAK", quetta.Name, quetta.BoundaryId, 4, 1)], []);
        using var bitmap = SKBitmap.Decode(map.Figure.Png);

        Assert.Empty(map.Unmapped);
        Assert.Contains("People killed by district, March 2026 — Afghanistan and Pakistan", map.Figure.Description, StringComparison.Ordinal);
        Assert.Equal(SKColor.Parse(MapClasses.ColorOf(map.Classes, 30)), PixelAt(bitmap, map, "Spin Boldak", "AFG"));
        Assert.Equal(SKColor.Parse(MapClasses.ColorOf(map.Classes, 4)), PixelAt(bitmap, map, "Quetta"));
        Assert.Equal(SKColor.Parse(MapClasses.NoneHexColor), PixelAt(bitmap, map, "Chagai"));
    }

    [Fact]
    public void Map_scopes_of_the_same_countries_in_the_same_order_are_equal() =>
        Assert.Equal(new MapScope(["AFG", "PAK"], null), new MapScope(new List<string> { "AFG", "PAK" }, null));

    /// <summary>The PNG pixel at a district's interior point, projected as the renderer projects it.</summary>
    private static SKColor PixelAt(SKBitmap bitmap, ChoroplethMap map, string district, string country = "PAK")
    {
        var id = Gazetteer.Bundled.FindDistrict(district, country)!.BoundaryId;
        var shape = Gazetteer.Bundled.DistrictShapes.Single(s => s.District.BoundaryId == id).Shape;
        var point = shape.InteriorPoint;
        var (x, y) = map.Projection.ToPixel(point.X, point.Y);
        return bitmap.GetPixel((int)Math.Round(x * ReportFigure.PngScale), (int)Math.Round(y * ReportFigure.PngScale));
    }
}

using System.Globalization;
using Vigil.Domain.Incidents;
using Vigil.Ingestion.Csv;

namespace Vigil.Ingestion.Formats.Pbc;

/// <summary>
/// The Pakistan Body Count files are hand-typed and have coordinate typos ("_71.456944"). Rather than
/// reject a real attack for one, an unreadable pair is dropped from the coordinates, kept word for word
/// in the notes, and flagged; nothing is guessed.
/// </summary>
internal static class PbcCoordinates
{
    public static (double? Latitude, double? Longitude, string? Note, QualityFlags Flags) Read(RowView row, int latCol, int lonCol)
    {
        var lat = Parse(row.Text(latCol), 90);
        var lon = Parse(row.Text(lonCol), 180);
        var latText = row.Text(latCol);
        var lonText = row.Text(lonCol);
        if ((latText is not null && lat is null) || (lonText is not null && lon is null) || (lat is null != lon is null))
            return (null, null, $"{latText ?? "(none)"}, {lonText ?? "(none)"}", QualityFlags.InvalidCoordinatesInSource);
        return (lat, lon, null, QualityFlags.None);
    }

    private static double? Parse(string? text, double limit) =>
        text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && Math.Abs(v) <= limit
            ? v
            : null;
}

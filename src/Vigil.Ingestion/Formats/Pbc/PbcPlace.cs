using System.Globalization;
using Vigil.Domain.Incidents;
using Vigil.Ingestion.Csv;

namespace Vigil.Ingestion.Formats.Pbc;

/// <summary>
/// Where a Pakistan Body Count attack happened, as both files give it (province, city, location,
/// coordinates). The files are hand-typed and have coordinate typos ("_71.456944"): rather than reject a
/// real attack for one, an unreadable pair is dropped from the coordinates, returned word for word for the
/// notes, and flagged; nothing is guessed.
/// </summary>
internal static class PbcPlace
{
    public static (Place Place, string? CoordinatesAsGiven, QualityFlags Flags) Read(
        RowView row, int province, int city, int location, int latCol, int lonCol)
    {
        var latText = row.Text(latCol);
        var lonText = row.Text(lonCol);
        var lat = Parse(latText, 90);
        var lon = Parse(lonText, 180);
        string? asGiven = null;
        var flags = QualityFlags.None;
        if ((latText is not null && lat is null) || (lonText is not null && lon is null) || (lat is null != lon is null))
        {
            (lat, lon) = (null, null);
            asGiven = $"{latText ?? "(none)"}, {lonText ?? "(none)"}";
            flags = QualityFlags.InvalidCoordinatesInSource;
        }
        var place = new Place
        {
            Country = "Pakistan",
            Admin1Raw = row.Text(province),
            Admin2Raw = row.Text(city),
            Location = row.Text(location),
            Latitude = lat,
            Longitude = lon,
            GeoPrecision = lat is null ? GeoPrecision.Unknown : GeoPrecision.Near,
        };
        return (place, asGiven, flags);
    }

    private static double? Parse(string? text, double limit) =>
        text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && Math.Abs(v) <= limit
            ? v
            : null;
}

using System.Globalization;
using Vigil.Domain.Incidents;

namespace Vigil.Ingestion.Records;

/// <summary>
/// The reading of a field's text as a count or a coordinate, shared by every kind of record so that a value
/// means the same in a CSV cell and in a JSON string or number. Each returns the problem, or null when the
/// text is good.
/// </summary>
internal static class FieldText
{
    public static string? Count(ReadOnlySpan<char> span, out int? count)
    {
        count = null;
        if (span.IsEmpty)
            return null;
        if (!int.TryParse(span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            // "12.0" is a whole number written as a decimal (some exports do this).
            if (double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue)
                value = (int)d;
            else
                return CountText.Problem(span, Clip(span));
        }
        if (value < 0)
            return $"{value} is negative; a count cannot be";
        count = value;
        return null;
    }

    public static string? Real(ReadOnlySpan<char> span, out double? real)
    {
        real = null;
        if (span.IsEmpty)
            return null;
        if (!double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            return $"'{Clip(span)}' is not a number";
        real = value;
        return null;
    }

    public static string? Latitude(ReadOnlySpan<char> span, out double? value) => Bounded(span, -90, 90, "latitude", out value);

    public static string? Longitude(ReadOnlySpan<char> span, out double? value) => Bounded(span, -180, 180, "longitude", out value);

    private static string? Bounded(ReadOnlySpan<char> span, double min, double max, string what, out double? value)
    {
        if (Real(span, out value) is { } problem)
            return problem;
        if (value is { } v && (v < min || v > max))
        {
            value = null;
            return $"{v.ToString(CultureInfo.InvariantCulture)} is not a {what} (must be between {min} and {max})";
        }
        return null;
    }

    public static string Clip(ReadOnlySpan<char> span) =>
        span.Length <= 60 ? span.ToString() : string.Concat(span[..57], "...");
}

using System.Globalization;
using Vigil.Domain.Errors;
using Vigil.Domain.Text;

namespace Vigil.Domain.Incidents;

/// <summary>
/// The one reading of an incident field's text into its value, for every path that turns text into an
/// incident: Vigil's own files, revision reverts, API bodies, the dashboard's edit form and review edits.
/// Blank text is "not given" (null). A value that cannot be read raises a <see cref="FieldException"/>
/// naming the field, worded the same wherever it was typed.
/// </summary>
public static class FieldValues
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A day, written YYYY-MM-DD.</summary>
    public static DateOnly? Date(string field, string? text) =>
        Given(text) is not { } t ? null
        : DateOnly.TryParseExact(t, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var value) ? value
        : throw new FieldException(field, $"'{Clip(t)}' is not a date in the form YYYY-MM-DD");

    /// <summary>A casualty count: a whole number, zero or more.</summary>
    public static int? Count(string field, string? text)
    {
        if (Given(text) is not { } t)
            return null;
        if (!int.TryParse(t, NumberStyles.AllowLeadingSign, Inv, out var value))
            throw new FieldException(field, CountText.Problem(t, Clip(t)));
        return NonNegative(field, value);
    }

    /// <summary>A count already read as a number (a JSON body's), refused when negative.</summary>
    public static int? NonNegative(string field, int? value) =>
        value is < 0 ? throw new FieldException(field, $"{value} is negative; a count cannot be") : value;

    /// <summary>A record id or revision: a whole number above zero.</summary>
    public static long? Positive(string field, string? text) =>
        Given(text) is not { } t ? null
        : long.TryParse(t, NumberStyles.Integer, Inv, out var value) && value > 0 ? value
        : throw new FieldException(field, $"'{Clip(t)}' is not a positive whole number");

    /// <summary>A coordinate in decimal degrees, written with a point.</summary>
    public static double? Degrees(string field, string? text) =>
        Given(text) is not { } t ? null
        : double.TryParse(t, NumberStyles.Float, Inv, out var value) && double.IsFinite(value) ? value
        : throw new FieldException(field, $"'{Clip(t)}' is not a number (decimal degrees, with a point)");

    /// <summary>A moment (ISO 8601; UTC when no offset is written).</summary>
    public static DateTimeOffset? Stamp(string field, string? text) =>
        Given(text) is not { } t ? null
        : DateTimeOffset.TryParse(t, Inv, DateTimeStyles.AssumeUniversal, out var value) ? value
        : throw new FieldException(field, $"'{Clip(t)}' is not a timestamp");

    /// <summary>Yes or no: true/false, yes/no or 1/0; blank when the sources do not say.</summary>
    public static bool? Bool(string field, string? text) => Given(text)?.ToLowerInvariant() switch
    {
        null => null,
        "true" or "1" or "yes" => true,
        "false" or "0" or "no" => false,
        var other => throw new FieldException(field, $"'{Clip(other)}' is not one of: true, false, or blank for not stated"),
    };

    /// <summary>One of an enumeration's names (as <see cref="EnumText{T}"/> writes them).</summary>
    public static T? Enum<T>(string field, string? text) where T : struct, System.Enum =>
        Given(text) is not { } t ? null
        : EnumText<T>.TryParse(t, out var value) ? value
        : throw new FieldException(field, $"'{Clip(t)}' is not one of: {string.Join(", ", EnumText<T>.All)}");

    /// <summary>Free text, trimmed; null when blank.</summary>
    public static string? Text(string? text) => Given(text);

    /// <summary>A source's web address: http:// or https:// only.</summary>
    public static string? Url(string field, string? text) =>
        Given(text) is not { } t ? null
        : WebLink.IsWebLink(t) ? t
        : throw new FieldException(field, $"'{Clip(t)}' is not a web address (http:// or https://)");

    /// <summary>A value shortened for an error message.</summary>
    public static string Clip(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");

    private static string? Given(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

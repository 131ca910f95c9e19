using System.Globalization;
using Vigil.Ingestion.Csv;

namespace Vigil.Ingestion.Formats.Pbc;

/// <summary>
/// The two date styles of the Pakistan Body Count files: "Sunday-November 19-1995" (suicide attacks) and
/// "Friday, June 18, 2004" (drone strikes). The weekday is checked against the date, not trusted.
/// </summary>
internal static class PbcDates
{
    private static readonly string[] SuicideFormats = ["MMMM d-yyyy", "MMMM dd-yyyy", "MMM d-yyyy", "MMM dd-yyyy"];
    private static readonly string[] DroneFormats = ["MMMM d, yyyy", "MMMM dd, yyyy", "MMM d, yyyy", "MMM dd, yyyy"];

    /// <summary>The date, and whether the weekday the source wrote matches it.</summary>
    public static (DateOnly Date, bool WeekdayMatches) Parse(RowView row, int col)
    {
        var text = row.Text(col) ?? throw row.Error(col, "a date is required");
        int cut;
        string[] formats;
        if ((cut = text.IndexOf(", ", StringComparison.Ordinal)) > 0)
            (formats, cut) = (DroneFormats, cut + 2);
        else if ((cut = text.IndexOf('-', StringComparison.Ordinal)) > 0)
            (formats, cut) = (SuicideFormats, cut + 1);
        else
            throw row.Error(col, $"'{text}' is not a date like 'Sunday-November 19-1995' or 'Friday, June 18, 2004'");

        var weekday = text[..(cut - 1)].TrimEnd(',', '-', ' ');
        if (!DateOnly.TryParseExact(text[cut..].Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowInnerWhite, out var date))
            throw row.Error(col, $"'{text}' is not a date like 'Sunday-November 19-1995' or 'Friday, June 18, 2004'");
        FieldParsing.InRange(row, col, date);
        var matches = string.Equals(weekday, date.DayOfWeek.ToString(), StringComparison.OrdinalIgnoreCase);
        return (date, matches);
    }
}

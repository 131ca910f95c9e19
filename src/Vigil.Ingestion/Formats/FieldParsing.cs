using System.Globalization;
using Vigil.Domain.Incidents;
using Vigil.Ingestion.Csv;
using Vigil.Ingestion.Records;

namespace Vigil.Ingestion.Formats;

/// <summary>Parsing shared by the dataset formats.</summary>
internal static class FieldParsing
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>An ISO date, optionally followed by a time ("2021-03-04 00:00:00.000"), checked against Vigil's date range.</summary>
    public static DateOnly IsoDate(RowView row, int col)
    {
        var span = row.Span(col);
        if (span.IsEmpty)
            throw row.Error(col, "a date is required");
        if (span.Length < 10 || !DateOnly.TryParseExact(span[..10], "yyyy-MM-dd", Inv, DateTimeStyles.None, out var date)
            || (span.Length > 10 && span[10] is not (' ' or 'T')))
            throw row.Error(col, $"'{span}' is not a date in the form YYYY-MM-DD");
        return InRange(row, col, date);
    }

    /// <summary>A date checked against <see cref="IncidentDate.Earliest"/>..<see cref="IncidentDate.Latest"/>.</summary>
    public static DateOnly InRange<TRecord>(TRecord row, int col, DateOnly date)
        where TRecord : IRecordFields, allows ref struct
    {
        if (date < IncidentDate.Earliest || date > IncidentDate.Latest)
            throw row.Error(col, $"year {date.Year:0000} is outside {IncidentDate.Earliest.Year}–{IncidentDate.Latest.Year}: a typo?");
        return date;
    }

    public static IncidentDate Span(RowView row, int startCol, int endCol, DateOnly start, DateOnly end, DatePrecision precision)
    {
        if (end < start)
            throw row.Error(endCol, $"end date {end:yyyy-MM-dd} is before the start date {start:yyyy-MM-dd}");
        return new IncidentDate(start, end, precision);
    }

    /// <summary>A min/max pair as a range, best being the min (or the max when only it is given).</summary>
    public static CasualtyCount MinMax(RowView row, int minCol, int maxCol, string rule)
    {
        var min = row.Count(minCol);
        var max = row.Count(maxCol);
        if (min is null && max is null)
            return CasualtyCount.Unknown;
        var phrase = min is not null && max is not null && min != max
            ? $"{min}-{max}"
            : (min ?? max)!.Value.ToString(Inv);
        return new CasualtyCount(min, min ?? max, max, phrase, rule);
    }

    /// <summary>Parallel ';'-separated lists zipped when they line up, else one source with the texts as given.</summary>
    public static IEnumerable<SourceReference> SplitSources(string? names, string? dates, string? headlines, string? urls = null)
    {
        static string[] Parts(string? s) => s?.Split(';', StringSplitOptions.TrimEntries) ?? [];
        var n = Parts(names);
        var d = Parts(dates);
        var h = Parts(headlines);
        var count = new[] { n.Length, d.Length, h.Length }.Max();
        if (count == 0 && urls is null)
            yield break;
        bool Lines(string[] a) => a.Length == 0 || a.Length == count;
        if (count > 1 && Lines(n) && Lines(d) && Lines(h))
        {
            for (var i = 0; i < count; i++)
                yield return new SourceReference(At(n, i), Day(At(d, i)), At(h, i), null);
            yield break;
        }
        yield return new SourceReference(Blank(names), Day(d.FirstOrDefault()), Blank(headlines), Blank(urls));

        static string? At(string[] a, int i) => i < a.Length ? Blank(a[i]) : null;
    }

    public static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static DateOnly? Day(string? text) =>
        text is not null && text.Length >= 10 && DateOnly.TryParseExact(text.AsSpan(0, 10), "yyyy-MM-dd", Inv, DateTimeStyles.None, out var d)
            ? d
            : null;

    /// <summary>Joins the non-empty parts with "; ", or null when all are empty.</summary>
    public static string? Notes(params (string Label, string? Value)[] parts)
    {
        var present = parts.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => p.Label.Length == 0 ? p.Value! : $"{p.Label}: {p.Value}");
        var text = string.Join("; ", present);
        return text.Length == 0 ? null : text;
    }
}

using Vigil.Domain.Incidents;
using Vigil.Ingestion.Csv;

namespace Vigil.Ingestion.Formats;

/// <summary>A dataset's CSV layout: how to recognise it from the header and turn its rows into incidents.</summary>
public interface ICsvFormat
{
    /// <summary>The name users give with <c>--format</c> ("ucdp-ged").</summary>
    string Name { get; }

    /// <summary>One line for <c>--help</c>.</summary>
    string Description { get; }

    TextEncoding Encoding { get; }

    /// <summary>Whether a header is this format's (the columns that only it has are there).</summary>
    bool Recognises(IReadOnlyList<string> header);

    /// <summary>Resolves the columns of an opened file; a missing required column is an error naming it.</summary>
    ICsvRowParser Bind(CsvFile file);
}

/// <summary>Turns one row of a bound file into an incident, or says why the row is not an incident.</summary>
public interface ICsvRowParser
{
    /// <exception cref="Domain.Errors.InputException">The row is bad; the message names the field.</exception>
    RowResult Parse(RowView row);

    /// <summary>Checks that need the whole file (a totals row against the rows); returns notices for the user.</summary>
    IReadOnlyList<string> Finish() => [];
}

/// <summary>An incident, or a row that is deliberately not one (a tag row, a totals row) and why.</summary>
public readonly record struct RowResult(Incident? Incident, string? Skipped)
{
    public static RowResult Of(Incident incident) => new(incident, null);
    public static RowResult Skip(string why) => new(null, why);
}

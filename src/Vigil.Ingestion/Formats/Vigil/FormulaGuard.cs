namespace Vigil.Ingestion.Formats.Vigil;

/// <summary>
/// Neutralises spreadsheet formulas in exported text: a text value that begins with = + - @ or a tab or
/// carriage return gets a leading apostrophe, so Excel and LibreOffice show it instead of running it.
/// Vigil's own importer takes the apostrophe off again, so an export re-imports unchanged. A value that
/// already begins with apostrophes before such a character ("'=x") gets one more, or the importer would
/// take its own apostrophe for an escape.
/// </summary>
public static class FormulaGuard
{
    public static bool IsRisky(ReadOnlySpan<char> text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    public static string? Escape(string? text) => text is not null && LooksRisky(text) ? "'" + text : text;

    public static string? Unescape(string? text) =>
        text is not null && text.Length > 1 && text[0] == '\'' && LooksRisky(text) ? text[1..] : text;

    /// <summary>Risky once any leading apostrophes are set aside.</summary>
    private static bool LooksRisky(string text) => IsRisky(text.AsSpan().TrimStart('\''));
}

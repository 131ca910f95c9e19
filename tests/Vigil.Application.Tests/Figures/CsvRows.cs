using System.Text;
using Microsoft.VisualBasic.FileIO;

namespace Vigil.Application.Tests.Figures;

/// <summary>
/// A real CSV file read independently of the product (which reads with Sep): the shared framework's
/// <see cref="TextFieldParser"/>, so expected figures are not computed by the code under test. UCDP's HXL tag row
/// (the line after the header, its fields empty or hashtags) is left out; the Pakistan Body Count files are Latin-1.
/// </summary>
internal static class CsvRows
{
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string path)
    {
        var encoding = path.Contains("Pakistan", StringComparison.Ordinal) && path.Contains("Attacks", StringComparison.Ordinal) ? Encoding.Latin1 : Encoding.UTF8;
        using var parser = new TextFieldParser(path, encoding) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields() ?? throw new InvalidDataException(path + " has no header");
        var rows = new List<IReadOnlyDictionary<string, string>>();
        while (!parser.EndOfData)
        {
            var fields = parser.ReadFields();
            if (fields is null || fields.Length == 0 || IsHxlTags(fields))
                continue;
            rows.Add(header.Select((name, i) => (name, value: i < fields.Length ? fields[i] : "")).ToDictionary(p => p.name, p => p.value, StringComparer.Ordinal));
        }
        return rows;
    }

    /// <summary>HDX's tag row: every field empty or an HXL hashtag (its first column, UCDP's id, has none).</summary>
    private static bool IsHxlTags(string[] fields) =>
        fields.Any(f => f.StartsWith('#')) && fields.All(f => f.Length == 0 || f.StartsWith('#'));
}

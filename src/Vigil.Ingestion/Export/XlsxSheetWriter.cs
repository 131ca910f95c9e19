using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Vigil.Ingestion.Export;

/// <summary>A column of an <see cref="XlsxSheetWriter"/> sheet: its header and its width in characters.</summary>
internal sealed record XlsxColumn(string Header, double Width);

/// <summary>
/// A workbook of one sheet, written row by row into an XLSX package: a bold header row, frozen, with an autofilter
/// over the whole table; text as inline strings; numbers, booleans, dates and date-times as typed cells; an unknown
/// value as no cell at all.
/// </summary>
/// <remarks>
/// Written by hand because no .NET writer at hand gives a file that every reader opens. MiniExcel, like the Open XML
/// SDK and ClosedXML, writes the SpreadsheetML elements with an <c>x:</c> namespace prefix, valid XML that ExcelJS
/// cannot read (it matches element names literally, finds no sheets and fails); SpreadCheetah takes the filter's
/// range before the first row and writes no <c>_xlnm._FilterDatabase</c> name, without which LibreOffice shows no
/// filter. Here the main namespace is the default one, and the workbook part, which holds that name, is written
/// last, once the number of rows is known. The package is checked against the schema with the Open XML SDK's
/// validator in the tests.
/// </remarks>
internal sealed class XlsxSheetWriter : IDisposable
{
    /// <summary>Rows a sheet can hold, the header's included.</summary>
    public const int MaxRows = 1_048_576;

    /// <summary>Characters a cell can hold; longer text is cut, ending in "…".</summary>
    public const int MaxCellText = 32_767;

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string ContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const string SheetPart = "xl/worksheets/sheet1.xml";

    // Cell formats, the indexes of styles.xml's cellXfs.
    private const int HeaderStyle = 1, DateStyle = 2, DateTimeStyle = 3, TextStyle = 4;

    /// <summary>Day 0 of Excel's 1900 date system; serial numbers count from it from 1 March 1900 on.</summary>
    private static readonly DateOnly Epoch = new(1899, 12, 30);

    private static readonly DateOnly FirstSerialDay = new(1900, 3, 1);

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), CloseOutput = true };

    /// <summary>Characters that XML 1.0 cannot hold, and the underscore that starts SpreadsheetML's own escapes.</summary>
    private static readonly SearchValues<char> Special = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016"
        + "\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFE\uFFFF_");

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    private readonly ZipArchive _zip;
    private readonly string _sheetName;
    private readonly string[] _letters;
    private readonly XmlWriter _sheet;
    private int _row;
    private int _column;
    private bool _finished;

    public XlsxSheetWriter(Stream output, string sheetName, IReadOnlyList<XlsxColumn> columns)
    {
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        _sheetName = sheetName;
        _letters = [.. Enumerable.Range(0, columns.Count).Select(ColumnLetters)];
        WritePackageParts();
        _sheet = Part(SheetPart);
        _sheet.WriteStartDocument(true);
        _sheet.WriteStartElement("worksheet", Main);
        _sheet.WriteAttributeString("xmlns", "r", null, Relationships);
        WriteFrozenHeaderView(_sheet);
        _sheet.WriteStartElement("cols");
        for (var c = 0; c < columns.Count; c++)
        {
            _sheet.WriteStartElement("col");
            _sheet.WriteAttributeString("min", Num(c + 1));
            _sheet.WriteAttributeString("max", Num(c + 1));
            _sheet.WriteAttributeString("width", columns[c].Width.ToString("0.##", Inv));
            _sheet.WriteAttributeString("customWidth", "1");
            _sheet.WriteEndElement();
        }
        _sheet.WriteEndElement();
        _sheet.WriteStartElement("sheetData");
        StartRow();
        foreach (var column in columns)
            Cell(HeaderStyle, "inlineStr", column.Header);
    }

    /// <summary>Starts the next row; its cells follow, one call per column, left to right.</summary>
    /// <exception cref="InvalidOperationException">The sheet already holds <see cref="MaxRows"/> rows.</exception>
    public void StartRow()
    {
        if (_row == MaxRows)
            throw new InvalidOperationException(string.Create(Inv, $"a sheet holds at most {MaxRows:N0} rows"));
        if (_row > 0)
            _sheet.WriteEndElement();
        _row++;
        _column = 0;
        _sheet.WriteStartElement("row");
        _sheet.WriteAttributeString("r", Num(_row));
    }

    /// <summary>
    /// A text cell. <paramref name="asText"/> marks it as text for Excel and LibreOffice (a quote prefix, not shown and
    /// not part of the value), so that text that begins like a formula stays text when the cell is edited.
    /// </summary>
    public void Text(string? value, bool asText = false)
    {
        if (value is null)
            Skip();
        else
            Cell(asText ? TextStyle : 0, "inlineStr", value);
    }

    public void Number(long? value)
    {
        if (value is { } v)
            Cell(0, null, Num(v));
        else
            Skip();
    }

    public void Number(double? value)
    {
        if (value is { } v && double.IsFinite(v))
            Cell(0, null, v.ToString("R", Inv));
        else
            Skip();
    }

    public void Boolean(bool? value)
    {
        if (value is { } v)
            Cell(0, "b", v ? "1" : "0");
        else
            Skip();
    }

    /// <summary>A date cell (a serial day number shown as yyyy-mm-dd); a day before 1 March 1900, which Excel cannot hold as a date, as ISO text.</summary>
    public void Date(DateOnly? value)
    {
        if (value is not { } day)
            Skip();
        else if (day < FirstSerialDay)
            Cell(0, "inlineStr", day.ToString("yyyy-MM-dd", Inv));
        else
            Cell(DateStyle, null, Num(day.DayNumber - Epoch.DayNumber));
    }

    /// <summary>A date-time cell (shown as yyyy-mm-dd hh:mm:ss); spreadsheets have no time zones, so the caller says which one it is in.</summary>
    public void DateAndTime(DateTime? value)
    {
        if (value is not { } at)
            Skip();
        else if (DateOnly.FromDateTime(at) < FirstSerialDay)
            Cell(0, "inlineStr", at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", Inv));
        else
            Cell(DateTimeStyle, null, (at - Epoch.ToDateTime(TimeOnly.MinValue)).TotalDays.ToString("R", Inv));
    }

    /// <summary>Closes the sheet, with its autofilter over every row written, then the workbook, which names the filter's range.</summary>
    public void Finish()
    {
        _sheet.WriteEndElement(); // row
        _sheet.WriteEndElement(); // sheetData
        var range = $"A1:{_letters[^1]}{_row}";
        _sheet.WriteStartElement("autoFilter");
        _sheet.WriteAttributeString("ref", range);
        _sheet.WriteEndElement();
        _sheet.WriteEndElement(); // worksheet
        _sheet.WriteEndDocument();
        _sheet.Dispose();
        WriteWorkbook($"'{_sheetName.Replace("'", "''", StringComparison.Ordinal)}'!$A$1:${_letters[^1]}${_row}");
        _finished = true;
        _zip.Dispose();
    }

    public void Dispose()
    {
        if (_finished)
            return;
        _sheet.Dispose();
        _zip.Dispose();
    }

    private void Skip() => _column++;

    private void Cell(int style, string? type, string value)
    {
        _sheet.WriteStartElement("c");
        _sheet.WriteAttributeString("r", _letters[_column] + Num(_row));
        if (style != 0)
            _sheet.WriteAttributeString("s", Num(style));
        if (type is not null)
            _sheet.WriteAttributeString("t", type);
        if (type == "inlineStr")
        {
            var text = CellText(value);
            _sheet.WriteStartElement("is");
            _sheet.WriteStartElement("t");
            if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
                _sheet.WriteAttributeString("xml", "space", null, "preserve");
            _sheet.WriteString(text);
            _sheet.WriteEndElement();
            _sheet.WriteEndElement();
        }
        else
        {
            _sheet.WriteElementString("v", value);
        }
        _sheet.WriteEndElement();
        _column++;
    }

    /// <summary>
    /// Text as a cell holds it: cut to <see cref="MaxCellText"/>; characters XML cannot carry written as
    /// SpreadsheetML's <c>_xHHHH_</c> escapes, a literal <c>_xHHHH_</c> protected by escaping its underscore, and a
    /// lone surrogate replaced.
    /// </summary>
    internal static string CellText(string text)
    {
        if (text.Length > MaxCellText)
        {
            var cut = MaxCellText - 1;
            if (char.IsHighSurrogate(text[cut - 1]))
                cut--;
            text = string.Concat(text.AsSpan(0, cut), "…");
        }
        if (text.AsSpan().IndexOfAny(Special) < 0 && !HasSurrogates(text))
            return text;
        var built = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                built.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                built.Append('\uFFFD');
            }
            else if (c == '_' ? IsEscape(text.AsSpan(i)) : Special.Contains(c))
            {
                built.Append(Inv, $"_x{(int)c:X4}_");
            }
            else
            {
                built.Append(c);
            }
        }
        return built.ToString();
    }

    private static bool HasSurrogates(string text) => text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;

    /// <summary>Whether the text starts with <c>_xHHHH_</c>, which a reader would take for an escaped character.</summary>
    private static bool IsEscape(ReadOnlySpan<char> text) =>
        text.Length >= 7 && text[1] == 'x' && text[6] == '_' && !text[2..6].ContainsAnyExcept(HexDigits);

    private XmlWriter Part(string name) => XmlWriter.Create(_zip.CreateEntry(name, CompressionLevel.Optimal).Open(), Settings);

    private void WritePackageParts()
    {
        using (var types = Part("[Content_Types].xml"))
        {
            types.WriteStartDocument(true);
            types.WriteStartElement("Types", ContentTypes);
            foreach (var (extension, type) in new[]
            {
                ("rels", "application/vnd.openxmlformats-package.relationships+xml"),
                ("xml", "application/xml"),
            })
            {
                types.WriteStartElement("Default");
                types.WriteAttributeString("Extension", extension);
                types.WriteAttributeString("ContentType", type);
                types.WriteEndElement();
            }
            foreach (var (part, type) in new[]
            {
                ("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
                ("/" + SheetPart, "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"),
                ("/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"),
            })
            {
                types.WriteStartElement("Override");
                types.WriteAttributeString("PartName", part);
                types.WriteAttributeString("ContentType", type);
                types.WriteEndElement();
            }
            types.WriteEndElement();
        }
        WriteRelationships("_rels/.rels", ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml"));
        WriteRelationships("xl/_rels/workbook.xml.rels",
            ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", "worksheets/sheet1.xml"),
            ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml"));
        WriteStyles();
    }

    private void WriteRelationships(string name, params (string Type, string Target)[] relationships)
    {
        using var rels = Part(name);
        rels.WriteStartDocument(true);
        rels.WriteStartElement("Relationships", PackageRelationships);
        for (var i = 0; i < relationships.Length; i++)
        {
            rels.WriteStartElement("Relationship");
            rels.WriteAttributeString("Id", "rId" + Num(i + 1));
            rels.WriteAttributeString("Type", relationships[i].Type);
            rels.WriteAttributeString("Target", relationships[i].Target);
            rels.WriteEndElement();
        }
        rels.WriteEndElement();
    }

    /// <summary>The cell formats: 0 plain, 1 the header (bold), 2 a date, 3 a date-time, 4 text marked as text.</summary>
    private void WriteStyles()
    {
        using var styles = Part("xl/styles.xml");
        styles.WriteStartDocument(true);
        styles.WriteStartElement("styleSheet", Main);
        styles.WriteStartElement("numFmts");
        styles.WriteAttributeString("count", "2");
        NumberFormat(styles, 164, "yyyy-mm-dd");
        NumberFormat(styles, 165, "yyyy-mm-dd hh:mm:ss");
        styles.WriteEndElement();
        styles.WriteStartElement("fonts");
        styles.WriteAttributeString("count", "2");
        Font(styles, bold: false);
        Font(styles, bold: true);
        styles.WriteEndElement();
        styles.WriteStartElement("fills");
        styles.WriteAttributeString("count", "2");
        foreach (var pattern in new[] { "none", "gray125" })
        {
            styles.WriteStartElement("fill");
            styles.WriteStartElement("patternFill");
            styles.WriteAttributeString("patternType", pattern);
            styles.WriteEndElement();
            styles.WriteEndElement();
        }
        styles.WriteEndElement();
        styles.WriteStartElement("borders");
        styles.WriteAttributeString("count", "1");
        styles.WriteStartElement("border");
        foreach (var edge in new[] { "left", "right", "top", "bottom", "diagonal" })
            styles.WriteElementString(edge, "");
        styles.WriteEndElement();
        styles.WriteEndElement();
        styles.WriteStartElement("cellStyleXfs");
        styles.WriteAttributeString("count", "1");
        Format(styles, 0, 0, null, cellStyle: true);
        styles.WriteEndElement();
        styles.WriteStartElement("cellXfs");
        styles.WriteAttributeString("count", "5");
        Format(styles, 0, 0, null);
        Format(styles, 0, 1, null);
        Format(styles, 164, 0, null);
        Format(styles, 165, 0, null);
        Format(styles, 0, 0, "quotePrefix");
        styles.WriteEndElement();
        styles.WriteStartElement("cellStyles");
        styles.WriteAttributeString("count", "1");
        styles.WriteStartElement("cellStyle");
        styles.WriteAttributeString("name", "Normal");
        styles.WriteAttributeString("xfId", "0");
        styles.WriteAttributeString("builtinId", "0");
        styles.WriteEndElement();
        styles.WriteEndElement();
        styles.WriteEndElement();

        static void NumberFormat(XmlWriter w, int id, string code)
        {
            w.WriteStartElement("numFmt");
            w.WriteAttributeString("numFmtId", Num(id));
            w.WriteAttributeString("formatCode", code);
            w.WriteEndElement();
        }

        static void Font(XmlWriter w, bool bold)
        {
            w.WriteStartElement("font");
            if (bold)
                w.WriteElementString("b", "");
            w.WriteStartElement("sz");
            w.WriteAttributeString("val", "11");
            w.WriteEndElement();
            w.WriteStartElement("name");
            w.WriteAttributeString("val", "Calibri");
            w.WriteEndElement();
            w.WriteStartElement("family");
            w.WriteAttributeString("val", "2");
            w.WriteEndElement();
            w.WriteEndElement();
        }

        static void Format(XmlWriter w, int numberFormat, int font, string? flag, bool cellStyle = false)
        {
            w.WriteStartElement("xf");
            w.WriteAttributeString("numFmtId", Num(numberFormat));
            w.WriteAttributeString("fontId", Num(font));
            w.WriteAttributeString("fillId", "0");
            w.WriteAttributeString("borderId", "0");
            if (!cellStyle)
                w.WriteAttributeString("xfId", "0");
            if (numberFormat != 0)
                w.WriteAttributeString("applyNumberFormat", "1");
            if (font != 0)
                w.WriteAttributeString("applyFont", "1");
            if (flag is not null)
                w.WriteAttributeString(flag, "1");
            w.WriteEndElement();
        }
    }

    private static void WriteFrozenHeaderView(XmlWriter sheet)
    {
        sheet.WriteStartElement("sheetViews");
        sheet.WriteStartElement("sheetView");
        sheet.WriteAttributeString("tabSelected", "1");
        sheet.WriteAttributeString("workbookViewId", "0");
        sheet.WriteStartElement("pane");
        sheet.WriteAttributeString("ySplit", "1");
        sheet.WriteAttributeString("topLeftCell", "A2");
        sheet.WriteAttributeString("activePane", "bottomLeft");
        sheet.WriteAttributeString("state", "frozen");
        sheet.WriteEndElement();
        sheet.WriteStartElement("selection");
        sheet.WriteAttributeString("pane", "bottomLeft");
        sheet.WriteAttributeString("activeCell", "A2");
        sheet.WriteAttributeString("sqref", "A2");
        sheet.WriteEndElement();
        sheet.WriteEndElement();
        sheet.WriteEndElement();
    }

    /// <summary>The workbook part, last: its hidden <c>_xlnm._FilterDatabase</c> name gives the filter's range (LibreOffice reads the filter from it).</summary>
    private void WriteWorkbook(string filterRange)
    {
        using var book = Part("xl/workbook.xml");
        book.WriteStartDocument(true);
        book.WriteStartElement("workbook", Main);
        book.WriteAttributeString("xmlns", "r", null, Relationships);
        book.WriteStartElement("bookViews");
        book.WriteElementString("workbookView", "");
        book.WriteEndElement();
        book.WriteStartElement("sheets");
        book.WriteStartElement("sheet");
        book.WriteAttributeString("name", _sheetName);
        book.WriteAttributeString("sheetId", "1");
        book.WriteAttributeString("id", Relationships, "rId1");
        book.WriteEndElement();
        book.WriteEndElement();
        book.WriteStartElement("definedNames");
        book.WriteStartElement("definedName");
        book.WriteAttributeString("name", "_xlnm._FilterDatabase");
        book.WriteAttributeString("localSheetId", "0");
        book.WriteAttributeString("hidden", "1");
        book.WriteString(filterRange);
        book.WriteEndElement();
        book.WriteEndElement();
        book.WriteEndElement();
    }

    /// <summary>A, B, ..., Z, AA, AB, ... for a zero-based column index.</summary>
    internal static string ColumnLetters(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        return letters;
    }

    private static string Num(long value) => value.ToString(Inv);
}

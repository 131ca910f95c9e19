using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;
using Vigil.Ingestion.Export;
using Vigil.Ingestion.Tests.Support;
using Vigil.Storage;
using Vigil.TestSupport;
using static Vigil.Ingestion.Tests.Support.ExportSamples;

namespace Vigil.Ingestion.Tests;

/// <summary>
/// The XLSX export read back with the Open XML SDK, a second implementation (the writer is Vigil's own), and checked
/// against the schema by the SDK's validator.
/// </summary>
public sealed class XlsxExportTests
{
    private static byte[] Export(params Incident[] incidents)
    {
        using var file = new MemoryStream();
        VigilXlsxWriter.Write(file, incidents);
        return file.ToArray();
    }

    [Fact]
    public void The_workbook_passes_the_Open_XML_schema_validator()
    {
        using var book = Book.Open(Export(Both));

        var errors = new OpenXmlValidator().Validate(book.Document, TestContext.Current.CancellationToken).ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));
    }

    [Fact]
    public void The_bundled_UCDP_incidents_make_a_valid_workbook_with_a_row_each()
    {
        using var db = new TestDatabase();
        db.Import(RepoFiles.BundledUcdp);
        using var file = new MemoryStream();

        var written = VigilXlsxWriter.Write(file, db.Store.Query(IncidentQuery.All, includeSources: true));

        using var book = Book.Open(file.ToArray());
        Assert.Equal(UcdpFile.Events, written);
        Assert.Equal(1 + UcdpFile.Events, book.Sheet.Descendants<Row>().Count());
        var errors = new OpenXmlValidator().Validate(book.Document, TestContext.Current.CancellationToken).Take(5).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
    }

    [Fact]
    public void Every_part_writes_SpreadsheetML_in_the_default_namespace_which_ExcelJS_needs()
    {
        // ExcelJS matches element names literally: a workbook written as <x:workbook> opens with no sheets and fails
        // ("Cannot set properties of undefined (setting 'sheetNo')"), which is what MiniExcel's files did.
        using var zip = new ZipArchive(new MemoryStream(Export(Both)));
        foreach (var entry in zip.Entries)
        {
            using var reader = XmlReader.Create(entry.Open());
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                    Assert.True(reader.Prefix.Length == 0, $"{entry.FullName}: <{reader.Name}>");
            }
        }
        Assert.Equal(
            ["[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/workbook.xml"],
            zip.Entries.Select(e => e.FullName));
    }

    [Fact]
    public void The_header_names_the_fields_is_bold_frozen_and_filters_the_whole_table()
    {
        using var book = Book.Open(Export(Both));

        var pane = book.Sheet.Descendants<Pane>().Single();
        var filter = book.Sheet.Descendants<AutoFilter>().Single();
        var name = book.Document.WorkbookPart!.Workbook.DefinedNames!.Elements<DefinedName>().Single();
        var last = XlsxSheetWriter.ColumnLetters(IncidentFields.All.Length - 1);
        Assert.Equal(IncidentFields.Names, book.Headers);
        Assert.Equal((PaneStateValues.Frozen, 1.0, "A2"), (pane.State!.Value, pane.VerticalSplit!.Value, pane.TopLeftCell!.Value));
        Assert.Equal($"A1:{last}3", filter.Reference!.Value);
        Assert.Equal(("_xlnm._FilterDatabase", true, $"'incidents'!$A$1:${last}$3"), (name.Name!.Value, name.Hidden!.Value, name.Text));
        Assert.All(book.Row(1).Elements<Cell>(), c => Assert.True(book.Format(c).FontId!.Value != 0 && book.Font(c).Bold is not null));
        var widths = book.Sheet.Descendants<Column>().ToList();
        Assert.Equal(IncidentFields.All.Length, widths.Count);
        Assert.All(widths, w => Assert.InRange(w.Width!.Value, 6, 60));
    }

    [Fact]
    public void Dates_are_date_cells_holding_the_incidents_day()
    {
        using var book = Book.Open(Export(Both));

        foreach (var (row, start, end) in new[] { (2, KnownDay, KnownDay), (3, new DateOnly(2022, 3, 1), new DateOnly(2022, 3, 31)) })
        {
            Assert.Equal(start, DateOnly.FromDateTime(book.Date(row, "date_start")));
            Assert.Equal(end, DateOnly.FromDateTime(book.Date(row, "date_end")));
            Assert.Equal("yyyy-mm-dd", book.NumberFormat(book.Cell(row, "date_start")!));
        }
    }

    [Fact]
    public void Timestamps_are_date_time_cells_in_UTC_to_the_millisecond()
    {
        using var book = Book.Open(Export(Both));

        Assert.Equal(Created.UtcDateTime, book.Date(2, "created_at"));
        Assert.Equal(Updated.UtcDateTime, book.Date(2, "updated_at"));
        Assert.Equal("yyyy-mm-dd hh:mm:ss", book.NumberFormat(book.Cell(2, "created_at")!));
        Assert.Null(book.Cell(2, "deleted_at"));
    }

    [Fact]
    public void Counts_ids_and_coordinates_are_numbers_and_an_unknown_count_is_an_empty_cell()
    {
        using var book = Book.Open(Export(Both));

        foreach (var (field, value) in new[]
        {
            ("id", 101), ("revision", 3), ("killed_low", 10), ("killed_best", 12), ("killed_high", 15), ("injured_best", 30),
            ("killed_security_forces", 4), ("killed_civilians", 8), ("latitude", 34.0086), ("longitude", 71.5785),
        })
        {
            Assert.Equal(value, book.Number(2, field));
        }
        foreach (var field in new[] { "killed_low", "killed_best", "killed_high", "injured_low", "injured_best", "injured_high", "killed_security_forces", "killed_militants" })
            Assert.Null(book.Cell(3, field));
        Assert.Null(book.Cell(2, "killed_militants"));
    }

    [Fact]
    public void Yes_no_fields_are_boolean_cells_and_an_unknown_one_is_empty()
    {
        using var book = Book.Open(Export(Both));

        Assert.True(book.Boolean(2, "suicide"));
        Assert.True(book.Boolean(2, "perpetrators_included"));
        Assert.False(book.Boolean(3, "suicide"));
        Assert.Null(book.Cell(3, "perpetrators_included"));
    }

    [Fact]
    public void Text_that_begins_like_a_formula_is_kept_whole_and_marked_as_text()
    {
        using var book = Book.Open(Export(Both));

        var notes = book.Cell(3, "notes")!;
        Assert.Equal(ExportSamples.Formula, book.Text(3, "notes"));
        Assert.True(book.Format(notes).QuotePrefix?.Value);
        Assert.Null(notes.CellFormula);
        Assert.Null(book.Format(book.Cell(2, "location")!).QuotePrefix);
        Assert.Equal("Qissa Khwani", book.Text(2, "location"));
        Assert.Equal("suicide-bombing", book.Text(2, "event_type"));
    }

    [Fact]
    public void No_incidents_give_the_header_row_alone_still_valid()
    {
        using var book = Book.Open(Export());

        Assert.Equal(IncidentFields.Names, book.Headers);
        Assert.Single(book.Sheet.Descendants<Row>());
        Assert.Empty(new OpenXmlValidator().Validate(book.Document, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Text_is_cut_to_what_a_cell_holds_and_characters_XML_cannot_carry_are_escaped()
    {
        var longText = new string('a', XlsxSheetWriter.MaxCellText + 10);

        Assert.Equal(XlsxSheetWriter.MaxCellText, XlsxSheetWriter.CellText(longText).Length);
        Assert.EndsWith("a…", XlsxSheetWriter.CellText(longText), StringComparison.Ordinal);
        Assert.Equal("a_x0001_b", XlsxSheetWriter.CellText("a\u0001b"));
        Assert.Equal("_x005F_x0041_ stays", XlsxSheetWriter.CellText("_x0041_ stays"));
        Assert.Equal("snake_case x_1 \t\n", XlsxSheetWriter.CellText("snake_case x_1 \t\n"));
        Assert.Equal("\uFFFD!", XlsxSheetWriter.CellText("\uD800!"));
        Assert.Equal("😀", XlsxSheetWriter.CellText("😀"));
    }

    [Fact]
    public void Column_letters_run_past_Z()
    {
        Assert.Equal(["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"], new[] { 0, 25, 26, 51, 52, 701, 702 }.Select(XlsxSheetWriter.ColumnLetters));
    }

    [Fact]
    public void More_incidents_than_a_sheet_holds_are_refused_naming_the_format()
    {
        // The limit is Excel's (1,048,575 rows under the header); a small one stands in for it, to keep the test quick.
        Assert.Equal(2, VigilXlsxWriter.Write(Stream.Null, Both, limit: 2));
        var e = Assert.Throws<FieldException>(() => VigilXlsxWriter.Write(Stream.Null, [Known, Known, Known], limit: 2));

        Assert.Equal("format", e.Field);
        Assert.Equal(1_048_575, VigilXlsxWriter.MaxIncidents);
    }

    /// <summary>The exported workbook as the Open XML SDK reads it, its cells found by row number and header.</summary>
    private sealed class Book : IDisposable
    {
        private Book(SpreadsheetDocument document)
        {
            Document = document;
            Sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
            Headers = [.. Row(1).Elements<Cell>().Select(c => c.InlineString!.Text!.Text)];
        }

        public SpreadsheetDocument Document { get; }
        public Worksheet Sheet { get; }
        public IReadOnlyList<string> Headers { get; }

        public static Book Open(byte[] xlsx) => new(SpreadsheetDocument.Open(new MemoryStream(xlsx), false));

        public Row Row(int number) => Sheet.Descendants<Row>().Single(r => r.RowIndex!.Value == number);

        /// <summary>The cell of a field in a row, or null when the row has none there.</summary>
        public Cell? Cell(int row, string field)
        {
            var reference = XlsxSheetWriter.ColumnLetters(Headers.ToList().IndexOf(field)) + row;
            return Row(row).Elements<Cell>().SingleOrDefault(c => c.CellReference!.Value == reference);
        }

        public double Number(int row, string field)
        {
            var cell = Cell(row, field) ?? throw new Xunit.Sdk.XunitException($"no {field} in row {row}");
            Assert.Null(cell.DataType);
            return double.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture);
        }

        public DateTime Date(int row, string field)
        {
            var cell = Cell(row, field)!;
            Assert.Null(cell.DataType);
            Assert.True(IsDateFormat(NumberFormat(cell)), $"{field}: {NumberFormat(cell)}");
            return DateTime.FromOADate(Number(row, field));
        }

        public bool Boolean(int row, string field)
        {
            var cell = Cell(row, field)!;
            Assert.Equal(CellValues.Boolean, cell.DataType!.Value);
            return cell.CellValue!.Text == "1";
        }

        public string Text(int row, string field)
        {
            var cell = Cell(row, field)!;
            Assert.Equal(CellValues.InlineString, cell.DataType!.Value);
            return cell.InlineString!.Text!.Text;
        }

        public CellFormat Format(Cell cell) =>
            Styles.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));

        public Font Font(Cell cell) => Styles.Fonts!.Elements<Font>().ElementAt((int)Format(cell).FontId!.Value);

        public string NumberFormat(Cell cell)
        {
            var id = Format(cell).NumberFormatId!.Value;
            return Styles.NumberingFormats?.Elements<NumberingFormat>().SingleOrDefault(f => f.NumberFormatId!.Value == id)?.FormatCode!.Value
                ?? $"built-in {id}";
        }

        /// <summary>A format that shows a day: it has y, m and d outside quoted text.</summary>
        private static bool IsDateFormat(string code) => code.Contains('y', StringComparison.Ordinal) && code.Contains('d', StringComparison.Ordinal);

        private Stylesheet Styles => Document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;

        public void Dispose() => Document.Dispose();
    }
}

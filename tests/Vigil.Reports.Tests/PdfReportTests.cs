using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;

namespace Vigil.Reports.Tests;

public sealed class PdfReportTests(RenderedPdf pdf, RenderedLongPdf longPdf) : IClassFixture<RenderedPdf>, IClassFixture<RenderedLongPdf>
{
    [Fact]
    public void Pdf_starts_with_the_pdf_signature_and_PdfSharp_reads_it_back_with_its_title()
    {
        var head = new byte[5];
        using (var file = File.OpenRead(pdf.Path))
            file.ReadExactly(head);
        Assert.Equal("%PDF-"u8.ToArray(), head);

        using var document = PdfReader.Open(pdf.Path, PdfDocumentOpenMode.Import);
        Assert.True(document.PageCount >= 2);
        Assert.Equal(pdf.Report.Title, document.Info.Title);
    }

    [Fact]
    public void Pdf_pages_are_A4()
    {
        using var document = PdfReader.Open(pdf.Path, PdfDocumentOpenMode.Import);
        Assert.All(document.Pages.Cast<PdfPage>(), page =>
        {
            Assert.Equal(595.28, page.Width.Point, 1);
            Assert.Equal(841.89, page.Height.Point, 1);
        });
    }

    [Fact]
    public void Pdf_with_a_long_notable_list_continues_the_table_on_more_pages()
    {
        using var shortDocument = PdfReader.Open(pdf.Path, PdfDocumentOpenMode.Import);
        using var longDocument = PdfReader.Open(longPdf.Path, PdfDocumentOpenMode.Import);
        // 54 more incidents at about 20 a page.
        Assert.InRange(longDocument.PageCount - shortDocument.PageCount, 2, 5);
    }

    [Fact]
    public void Pdf_links_every_source_that_has_a_url_and_no_other()
    {
        using var document = PdfReader.Open(pdf.Path, PdfDocumentOpenMode.Import);
        var links = document.Pages.Cast<PdfPage>()
            .SelectMany(page => page.Elements.GetArray("/Annots")?.Elements.Select(e => e is PdfReference r ? r.Value : e) ?? [])
            .OfType<PdfDictionary>()
            .Select(a => a.Elements.GetDictionary("/A")?.Elements.GetString("/URI"))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var expected = pdf.Report.Notable.SelectMany(n => n.Sources).Select(s => s.Url).OfType<string>().ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, links);
    }

    [Fact]
    public void Pdf_embeds_the_bundled_DejaVu_Sans_regular_and_bold()
    {
        using var document = PdfReader.Open(pdf.Path, PdfDocumentOpenMode.Import);
        var fonts = document.Pages.Cast<PdfPage>()
            .Select(p => p.Elements.GetDictionary("/Resources")?.Elements.GetDictionary("/Font"))
            .OfType<PdfDictionary>()
            .SelectMany(f => f.Elements.Values.Select(v => v is PdfReference r ? r.Value : v))
            .OfType<PdfDictionary>()
            .Select(f => f.Elements.GetName("/BaseFont"))
            .ToHashSet(StringComparer.Ordinal);
        // Subsets are named "ABCDEF+family[,style]".
        Assert.Contains(fonts, f => f.EndsWith("+DejaVu Sans", StringComparison.Ordinal));
        Assert.Contains(fonts, f => f.EndsWith("+DejaVu Sans,Bold", StringComparison.Ordinal));
    }

    [Fact]
    public void Pdf_places_the_two_charts_and_the_map_as_images()
    {
        using var document = PdfReader.Open(pdf.Path, PdfDocumentOpenMode.Import);
        var images = document.Pages.Cast<PdfPage>()
            .Select(p => p.Elements.GetDictionary("/Resources")?.Elements.GetDictionary("/XObject"))
            .OfType<PdfDictionary>()
            .SelectMany(x => x.Elements.Values.Select(v => v is PdfReference r ? r.Value : v))
            .OfType<PdfDictionary>()
            .Where(x => x.Elements.GetName("/Subtype") == "/Image")
            .ToList();
        Assert.Equal(3, images.Count);
        Assert.Contains(images, i => i.Elements.GetInteger("/Width") == 1600);
    }
}

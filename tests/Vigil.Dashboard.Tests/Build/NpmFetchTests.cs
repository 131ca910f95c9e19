using System.Formats.Tar;
using System.IO.Compression;
using System.Net.Http;
using System.Security.Cryptography;
using Vigil.Dashboard.Tests.Browser;
using Vigil.Dashboard.Tests.Support;

namespace Vigil.Dashboard.Tests.Build;

/// <summary>
/// The build-time fetch of the dashboard's front-end libraries (build/NpmFetch.cs): a tarball is taken only with its
/// pinned sha512, the files listed come out of it byte for byte, a missing one is an error; and the server serves the
/// files the build extracted.
/// </summary>
public sealed class NpmFetchTests
{
    private static byte[] Tarball(params (string Name, string Text)[] files)
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Ustar, leaveOpen: true))
        {
            foreach (var (name, text) in files)
                writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)) });
        }
        using var gz = new MemoryStream();
        using (var zip = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true))
            zip.Write(tar.ToArray());
        return gz.ToArray();
    }

    private static string Integrity(byte[] data) => "sha512-" + Convert.ToBase64String(SHA512.HashData(data));

    [Fact]
    public void A_tarball_with_its_pinned_integrity_is_taken_and_any_other_refused()
    {
        var tarball = Tarball(("package/dist/a.js", "var a = 1;"));
        NpmTarball.Verify(tarball, Integrity(tarball));
        var altered = (byte[])tarball.Clone();
        altered[^5] ^= 0xFF;
        var refused = Assert.Throws<InvalidDataException>(() => NpmTarball.Verify(altered, Integrity(tarball)));
        Assert.Contains("refused", refused.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => NpmTarball.Verify(tarball, "sha1-" + Convert.ToBase64String(SHA1.HashData(tarball))));
    }

    [Fact]
    public void The_files_listed_come_out_whole_and_a_missing_one_is_an_error()
    {
        var tarball = Tarball(("package/dist/a.js", "var a = 1;"), ("package/LICENSE", "MIT"), ("package/README.md", "readme"));
        var files = NpmTarball.Extract(tarball, ["package/dist/a.js", "package/LICENSE"]);
        Assert.Equal(["package/LICENSE", "package/dist/a.js"], files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("var a = 1;", System.Text.Encoding.UTF8.GetString(files["package/dist/a.js"]));
        var missing = Assert.Throws<InvalidDataException>(() => NpmTarball.Extract(tarball, ["package/dist/b.js"]));
        Assert.Contains("package/dist/b.js", missing.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("uplot", "uPlot.iife.min.js")]
    [InlineData("uplot", "LICENSE")]
    [InlineData("leaflet", "leaflet.js")]
    [InlineData("leaflet", "LICENSE")]
    public async Task The_server_serves_the_library_files_the_build_fetched(string package, string file)
    {
        await using var server = await LiveServer.StartAsync(TestDatabases.Empty);
        var served = await server.Api.GetByteArrayAsync($"/dashboard/lib/{package}/{file}", TestContext.Current.CancellationToken);
        var built = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Vigil.Dashboard", "obj", "npm", package, file);
        Assert.True(File.Exists(built), built);
        Assert.Equal(await File.ReadAllBytesAsync(built, TestContext.Current.CancellationToken), served);
        var outside = await server.Api.GetAsync($"/dashboard/lib/{package}/..%2F..%2Fsite.js", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, outside.StatusCode);
    }
}

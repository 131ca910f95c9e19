// The build-time fetch of the dashboard's front-end libraries: compiled by MSBuild's RoslynCodeTaskFactory
// (build/NpmPackages.targets), so that a machine with only the .NET SDK builds the dashboard, no Node or npm.
// The tests compile this file too (with VIGIL_BUILD_TESTS defined, without the MSBuild task) to check the refusals.
using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;

#if !VIGIL_BUILD_TESTS
/// <summary>
/// Fetches each pinned npm package tarball (unless a verified copy is cached), checks it against its pinned
/// sha512 integrity, and extracts the listed files. Any failure is a build error naming the package.
/// </summary>
public class NpmFetch : Microsoft.Build.Utilities.Task
{
    /// <summary>Items: the package name; metadata Version, Integrity ("sha512-..."), Files ("package/dist/a.js;package/LICENSE").</summary>
    [Microsoft.Build.Framework.Required] public Microsoft.Build.Framework.ITaskItem[] Packages { get; set; } = [];

    /// <summary>Where the tarballs are cached and the files extracted (one folder per package).</summary>
    [Microsoft.Build.Framework.Required] public string Directory { get; set; } = "";

    /// <summary>The registry's base address.</summary>
    public string Registry { get; set; } = "https://registry.npmjs.org";

    public override bool Execute()
    {
        foreach (var item in Packages)
        {
            var name = item.ItemSpec;
            var version = item.GetMetadata("Version");
            var integrity = item.GetMetadata("Integrity");
            var files = item.GetMetadata("Files").Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries);
            try
            {
                NpmTarball.Fetch(Registry, name, version, integrity, files, Path.Combine(Directory, name),
                    message => Log.LogMessage(Microsoft.Build.Framework.MessageImportance.High, message));
            }
            catch (Exception e) when (e is InvalidDataException or HttpRequestException or IOException or OperationCanceledException)
            {
                Log.LogError($"npm package {name}@{version}: {e.Message}");
            }
        }
        return !Log.HasLoggedErrors;
    }
}
#endif

/// <summary>Download, verification and extraction of one npm tarball, without Node.</summary>
public static class NpmTarball
{
    public static void Fetch(string registry, string name, string version, string integrity, IReadOnlyList<string> files, string folder, Action<string> log)
    {
        System.IO.Directory.CreateDirectory(folder);
        var cached = Path.Combine(folder, $"{name}-{version}.tgz");
        byte[] tarball;
        if (File.Exists(cached) && Matches(File.ReadAllBytes(cached), integrity))
        {
            tarball = File.ReadAllBytes(cached);
        }
        else
        {
            var url = $"{registry.TrimEnd('/')}/{name}/-/{name}-{version}.tgz";
            log($"Downloading {url}");
            using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) })
                tarball = http.GetByteArrayAsync(url).GetAwaiter().GetResult();
            Verify(tarball, integrity);
            File.WriteAllBytes(cached, tarball);
        }
        foreach (var entry in Extract(tarball, files))
            WriteIfChanged(Path.Combine(folder, entry.Key.Substring(entry.Key.LastIndexOf('/') + 1)), entry.Value);
    }

    /// <summary>Whether the bytes have the pinned integrity ("sha512-" and the base64 digest, as npm records it).</summary>
    public static bool Matches(byte[] data, string integrity)
    {
        const string prefix = "sha512-";
        if (!integrity.StartsWith(prefix, StringComparison.Ordinal))
            throw new InvalidDataException($"the pinned integrity must be a sha512 one (\"{prefix}...\"), not \"{integrity}\"");
        using var sha = SHA512.Create();
        return Convert.ToBase64String(sha.ComputeHash(data)) == integrity.Substring(prefix.Length);
    }

    /// <summary>Refuses bytes that do not have the pinned integrity.</summary>
    public static void Verify(byte[] data, string integrity)
    {
        if (!Matches(data, integrity))
        {
            using var sha = SHA512.Create();
            throw new InvalidDataException(
                $"the tarball's sha512 (sha512-{Convert.ToBase64String(sha.ComputeHash(data))}) is not the pinned {integrity}: refused");
        }
    }

    /// <summary>The named files of a gzipped tar (ustar headers, as npm packs them); a missing one is an error.</summary>
    public static IReadOnlyDictionary<string, byte[]> Extract(byte[] tarball, IReadOnlyList<string> wanted)
    {
        var found = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using var tar = new MemoryStream();
        using (var gzip = new GZipStream(new MemoryStream(tarball), CompressionMode.Decompress))
            gzip.CopyTo(tar);
        var bytes = tar.ToArray();
        var header = 0;
        while (header + 512 <= bytes.Length && bytes[header] != 0)
        {
            var entryName = Text(bytes, header, 100);
            var prefix = Text(bytes, header + 345, 155);
            if (prefix.Length > 0)
                entryName = prefix + "/" + entryName;
            var size = Convert.ToInt64(Text(bytes, header + 124, 12).Trim(' ', '\0') is { Length: > 0 } octal ? octal : "0", 8);
            var type = (char)bytes[header + 156];
            var body = header + 512;
            if (body + size > bytes.Length)
                throw new InvalidDataException($"the tarball is cut short at {entryName}");
            if ((type == '0' || type == '\0') && Contains(wanted, entryName))
            {
                var content = new byte[size];
                Array.Copy(bytes, body, content, 0, size);
                found[entryName] = content;
            }
            header = body + (int)((size + 511) / 512 * 512);
        }
        foreach (var name in wanted)
        {
            if (!found.ContainsKey(name))
                throw new InvalidDataException($"the tarball has no file {name}");
        }
        return found;
    }

    private static bool Contains(IReadOnlyList<string> list, string value)
    {
        foreach (var item in list)
        {
            if (item == value)
                return true;
        }
        return false;
    }

    private static bool Same(byte[] a, byte[] b)
    {
        if (a.Length != b.Length)
            return false;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
                return false;
        }
        return true;
    }

    private static string Text(byte[] bytes, int offset, int length)
    {
        var end = Array.IndexOf(bytes, (byte)0, offset, length);
        return Encoding.ASCII.GetString(bytes, offset, (end < 0 ? offset + length : end) - offset);
    }

    private static void WriteIfChanged(string path, byte[] content)
    {
        if (File.Exists(path) && Same(File.ReadAllBytes(path), content))
            return;
        File.WriteAllBytes(path, content);
    }
}

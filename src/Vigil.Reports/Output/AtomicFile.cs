using System.Text;

namespace Vigil.Reports.Output;

/// <summary>
/// Writes go to <c>NAME.partial</c> first and are moved over <c>NAME</c> only once complete, so that a
/// failure leaves the previous file (or none), never a half-written one.
/// </summary>
internal static class AtomicFile
{
    public const string PartialSuffix = ".partial";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void Write(string path, Action<Stream> write)
    {
        var target = Path.GetFullPath(path);
        var partial = target + PartialSuffix;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(partial, target, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(partial);
            throw new ReportWriteException(path, e.Message, e);
        }
        catch
        {
            TryDelete(partial);
            throw;
        }
    }

    public static void WriteText(string path, string text) => Write(path, s => s.Write(Utf8.GetBytes(text)));

    /// <summary>
    /// Fills a fresh <c>DIR.partial</c> folder, then puts it in place of <c>DIR</c> (the old folder, if any,
    /// is moved aside first and deleted after).
    /// </summary>
    public static void ReplaceDirectory(string path, Action<string> fill)
    {
        var target = Path.GetFullPath(path);
        var partial = target + PartialSuffix;
        var old = target + ".old";
        try
        {
            if (Directory.Exists(partial))
                Directory.Delete(partial, recursive: true);
            Directory.CreateDirectory(partial);
            fill(partial);
            if (Directory.Exists(old))
                Directory.Delete(old, recursive: true);
            if (Directory.Exists(target))
                Directory.Move(target, old);
            Directory.Move(partial, target);
            if (Directory.Exists(old))
                Directory.Delete(old, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDeleteDirectory(partial);
            throw new ReportWriteException(path, e.Message, e);
        }
        catch
        {
            TryDeleteDirectory(partial);
            throw;
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The original failure matters more than a leftover .partial file.
        }
    }

    private static void TryDeleteDirectory(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // As above.
        }
    }
}

namespace Vigil.Domain.Errors;

/// <summary>Checks an input file before it is opened, so that a missing file and a folder each say what they are.</summary>
public static class InputFiles
{
    /// <exception cref="NotFoundException">Nothing is at the path ("FILE: file not found"; the CLI's exit code 4).</exception>
    /// <exception cref="InputException">The path is a folder.</exception>
    public static void Check(string path, string? displayName = null)
    {
        var shown = displayName ?? path;
        if (Directory.Exists(path))
            throw new InputException(new InputLocation(shown), "is a folder, not a file: name the files in it (for example folder/*.csv)");
        if (!File.Exists(path))
            throw new NotFoundException($"{shown}: file");
    }
}

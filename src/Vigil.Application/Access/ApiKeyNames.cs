namespace Vigil.Application.Access;

/// <summary>
/// What an API key's name may be: it signs every write in the audit trail, appears in URLs
/// (DELETE /api/v1/keys/NAME), headers and pages, so it is kept to 1–64 letters, digits and . _ @ -,
/// starting with a letter or digit. Checked before anything is stored.
/// </summary>
public static class ApiKeyNames
{
    public const int MaxLength = 64;

    /// <summary>Why the name cannot be used, or null when it can.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return "is required";
        if (name.Length > MaxLength)
            return $"is {name.Length:N0} characters long; at most {MaxLength}";
        if (!char.IsAsciiLetterOrDigit(name[0]))
            return "must start with a letter or digit (A-Z, a-z, 0-9)";
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '@' or '-'))
                return c < ' ' || c == '\u007f'
                    ? $"contains the control character U+{(int)c:X4}; use letters, digits and . _ @ - only"
                    : $"contains '{c}'; use letters, digits and . _ @ - only";
        }
        return null;
    }
}

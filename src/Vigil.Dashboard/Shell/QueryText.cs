using System.Text;

namespace Vigil.Dashboard.Shell;

/// <summary>Reading filters from the query string and writing links that carry them, so every view can be shared as a URL.</summary>
public static class QueryText
{
    /// <summary>The first non-blank value of a parameter, trimmed; null when absent or blank.</summary>
    public static string? One(IQueryCollection query, string key) => Many(query, key).FirstOrDefault();

    /// <summary>Every non-blank value of a repeated parameter, trimmed.</summary>
    public static string[] Many(IQueryCollection query, string key) =>
        query.TryGetValue(key, out var values)
            ? [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.Ordinal)]
            : [];

    /// <summary>A path with a query string of the pairs that have a value, each part URL-encoded.</summary>
    public static string Link(string path, IEnumerable<KeyValuePair<string, string?>> pairs)
    {
        var text = new StringBuilder(path);
        var first = true;
        foreach (var (key, value) in pairs)
        {
            if (string.IsNullOrEmpty(value))
                continue;
            text.Append(first ? '?' : '&').Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
            first = false;
        }
        return text.ToString();
    }

    /// <summary><paramref name="href"/> with <c>as_of</c> added (before any fragment) when <paramref name="asOf"/> is given.</summary>
    public static string WithAsOf(string href, string? asOf)
    {
        if (string.IsNullOrEmpty(asOf))
            return href;
        var hash = href.IndexOf('#', StringComparison.Ordinal);
        var (path, fragment) = hash < 0 ? (href, "") : (href[..hash], href[hash..]);
        return path + (path.Contains('?', StringComparison.Ordinal) ? '&' : '?') + "as_of=" + Uri.EscapeDataString(asOf) + fragment;
    }
}

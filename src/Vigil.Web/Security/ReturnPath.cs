namespace Vigil.Web.Security;

/// <summary>
/// Where the browser may be sent after signing in: a path on this site, nothing else. Browsers strip tabs
/// and newlines from a Location and read a backslash as a slash, so "/\t/evil.example" is another site;
/// the rule is therefore a whitelist: printable ASCII only, and the path must resolve to this origin.
/// </summary>
public static class ReturnPath
{
    public static string Safe(string? target)
    {
        if (string.IsNullOrEmpty(target) || target.Length > 2048 || target[0] != '/')
            return "/";
        foreach (var c in target)
        {
            // No control characters, spaces or non-ASCII (which a browser may drop or fold), no backslash.
            if (c is <= ' ' or > '~' or '\\')
                return "/";
        }
        if (target.Length > 1 && target[1] == '/')
            return "/";
        var origin = new Uri("http://this-site.invalid/");
        return Uri.TryCreate(origin, target, out var resolved) && resolved.Host == origin.Host && resolved.Scheme == origin.Scheme && resolved.Port == origin.Port
            ? target
            : "/";
    }
}

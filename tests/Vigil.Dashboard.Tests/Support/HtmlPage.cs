using System.Net;
using System.Text.RegularExpressions;

namespace Vigil.Dashboard.Tests.Support;

/// <summary>Just enough reading of the dashboard's own HTML for tests: figures marked with data-figure, forms and their values.</summary>
public sealed partial class HtmlPage(string html)
{
    public string Html { get; } = html;

    /// <summary>The page's text without tags, entities decoded, whitespace collapsed.</summary>
    public string Text => Regex.Replace(WebUtility.HtmlDecode(Tags().Replace(InlineTags().Replace(Html, ""), " ")), @"\s+", " ");

    public static async Task<HtmlPage> LoadAsync(HttpResponseMessage response) => new(await response.Content.ReadAsStringAsync());

    /// <summary>
    /// The number shown in the element marked data-figure="NAME" (for a headline card, its value), as a
    /// number: "1,234" → 1234.
    /// </summary>
    public long Figure(string name)
    {
        var at = Html.IndexOf($"data-figure=\"{name}\"", StringComparison.Ordinal);
        Assert.True(at >= 0, $"no data-figure=\"{name}\" on the page");
        // A headline card holds its number in a nested class="value"; other marked elements hold it directly.
        var rest = Html[at..Math.Min(Html.Length, at + 400)];
        var value = rest.Contains("class=\"value\">", StringComparison.Ordinal) ? ValueDiv().Match(rest) : FirstText().Match(rest);
        Assert.True(value.Success, $"no text in data-figure=\"{name}\"");
        return long.Parse(value.Groups[1].Value.Replace(",", "", StringComparison.Ordinal).Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The fields of the form that posts to <paramref name="action"/>, as the browser would send them unchanged.</summary>
    public List<KeyValuePair<string, string>> Form(string action)
    {
        var start = Html.IndexOf($"method=\"post\" action=\"{action}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no form with action {action}");
        var end = Html.IndexOf("</form>", start, StringComparison.Ordinal);
        var form = Html[start..end];
        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match m in Field().Matches(form))
        {
            var attrs = m.Groups[2].Value;
            if (Attr(attrs, "name") is not { } name || m.Groups[1].Value == "input" && Attr(attrs, "type") == "checkbox" && !attrs.Contains("checked", StringComparison.Ordinal))
                continue;
            var value = m.Groups[1].Value switch
            {
                "select" => Selected(form, m.Index + m.Length),
                "textarea" => WebUtility.HtmlDecode(form[(m.Index + m.Length)..form.IndexOf("</textarea>", m.Index, StringComparison.Ordinal)]),
                _ => Attr(attrs, "value") ?? "",
            };
            fields.Add(new(name, value));
        }
        return fields;
    }

    private static string Selected(string form, int from)
    {
        var body = form[from..form.IndexOf("</select>", from, StringComparison.Ordinal)];
        var selected = SelectedOption().Match(body);
        return selected.Success ? WebUtility.HtmlDecode(selected.Groups[1].Value) : "";
    }

    private static string? Attr(string attrs, string name)
    {
        var m = Regex.Match(attrs, $@"\b{name}=""([^""]*)""");
        return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    // Inline elements join their text to the words around them ("<strong>month</strong>: ..." reads "month: ...").
    [GeneratedRegex("</?(strong|b|em|code|span|q|a)\\b[^>]*>")]
    private static partial Regex InlineTags();

    [GeneratedRegex(@"class=""value"">([^<]*)<")]
    private static partial Regex ValueDiv();

    [GeneratedRegex(@">\s*([^<]*?)\s*<")]
    private static partial Regex FirstText();

    [GeneratedRegex(@"<(input|select|textarea)\b([^>]*)>")]
    private static partial Regex Field();

    [GeneratedRegex(@"<option value=""([^""]*)"" selected")]
    private static partial Regex SelectedOption();
}

/// <summary>Posting a form's fields, with some changed.</summary>
public static class FormPost
{
    public static FormUrlEncodedContent With(List<KeyValuePair<string, string>> fields, params (string Name, string Value)[] changes)
    {
        var result = fields.Select(f => changes.FirstOrDefault(c => c.Name == f.Key) is { Name: not null } c ? new KeyValuePair<string, string>(f.Key, c.Value) : f).ToList();
        result.AddRange(changes.Where(c => fields.All(f => f.Key != c.Name)).Select(c => new KeyValuePair<string, string>(c.Name, c.Value)));
        return new FormUrlEncodedContent(result);
    }

    public static FormUrlEncodedContent Without(List<KeyValuePair<string, string>> fields, string name) =>
        new(fields.Where(f => f.Key != name));
}

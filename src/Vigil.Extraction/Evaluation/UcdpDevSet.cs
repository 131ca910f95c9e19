using System.Globalization;
using System.Text.Json.Nodes;
using nietras.SeparatedValues;
using Vigil.Domain.Actors;
using Vigil.Domain.Text;
using Vigil.Extraction.Numbers;
using Vigil.Extraction.Text;
using Vigil.Geo;

namespace Vigil.Extraction.Evaluation;

/// <summary>
/// A development set from the UCDP GED Pakistan file: each row with a <c>source_headline</c> becomes one
/// labeled text (the headline; several headlines of one event are joined by "; " as UCDP gives them). A field
/// is scored on a row only where the headline states it — the gold value is UCDP's, and a headline that does
/// not state it cannot be held to it:
/// <list type="bullet">
/// <item>killed: scored when UCDP's <c>best</c> appears in the headline as digits or number words; otherwise
/// the row is not scored for killed (many headlines give another figure — an early toll, or another event's).</item>
/// <item>district: scored when the row's district, or a gazetteer variant of it, appears in the headline.</item>
/// <item>actor: scored when <c>side_b</c> resolves to a militant group in the alias table and the headline
/// names it by one of its aliases in a headline that reports an event — not only in a compilation title
/// (SATP's "Incidents and Statements involving TTP: 2014", "Timeline (Terrorist Activities)"), which names the
/// group as a subject of the compilation, not as the perpetrator of anything.</item>
/// <item>injured, date, event type: not scored (UCDP records no injuries, headlines carry no dates, and UCDP's
/// type of violence is not an event type).</item>
/// </list>
/// </summary>
public static class UcdpDevSet
{
    public static IEnumerable<JsonObject> Build(string ucdpCsv, Gazetteer gazetteer, ActorCatalog catalog)
    {
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromFile(ucdpCsv);
        foreach (var row in reader)
        {
            var headline = row["source_headline"].ToString().Trim();
            var id = row["id"].ToString();
            if (headline.Length == 0 || id.Length == 0 || !char.IsDigit(id[0]))
                continue;
            var o = new JsonObject
            {
                ["id"] = "ucdp-" + id,
                ["published"] = row["date_start"].ToString()[..10],
                ["text"] = headline,
            };
            var doc = new TextDocument(headline);
            if (long.TryParse(row["best"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var best) && States(doc, best))
                o["killed"] = best;
            var adm2 = row["adm_2"].ToString();
            var province = row["adm_1"].ToString();
            if (gazetteer.FindDistrict(adm2, "PAK") is { } district && Names(headline, district.Variants.Prepend(district.Name)))
                o["district"] = district.Name;
            else if (gazetteer.FindDistrict(adm2, "PAK", gazetteer.FindProvince(province, "PAK")?.Code) is { } d2 && Names(headline, d2.Variants.Prepend(d2.Name)))
                o["district"] = d2.Name;
            if (catalog.Resolve(row["side_b"].ToString()) is { Kind: ActorKind.Militant } actor
                && EventHeadlines(headline).Any(h => Names(h, actor.Aliases.Prepend(actor.Name))))
                o["actor"] = actor.Name;
            yield return o;
        }
    }

    /// <summary>The headlines of a row (UCDP joins them with ";") that are not compilation titles.</summary>
    public static IEnumerable<string> EventHeadlines(string headlines) =>
        headlines.Split(';').Where(h => !h.Contains("incidents and statements involving", StringComparison.OrdinalIgnoreCase)
            && !h.Contains("timeline", StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether a number appears in the text as digits or words (any cardinal the parser reads).</summary>
    public static bool States(TextDocument doc, long value)
    {
        for (var i = 0; i < doc.Tokens.Count; i++)
        {
            if (QuantityParser.Cardinal(doc.Tokens, i) is { } c && c.Value == value && !InDate(doc, i, c.End))
                return true;
        }
        return false;
    }

    // "1 Jan 13", "July 2020 (02 July)": a day of a date states no count.
    private static bool InDate(TextDocument doc, int first, int end) =>
        (end < doc.Tokens.Count && CasualtyWords.Months.Contains(doc.Tokens[end].Lower))
        || (first > 0 && CasualtyWords.Months.Contains(doc.Tokens[first - 1].Lower));

    private static bool Names(string text, IEnumerable<string> names)
    {
        var key = " " + NameKey.Of(text) + " ";
        return names.Any(n => NameKey.Of(n) is { Length: > 2 } k && key.Contains(" " + k + " ", StringComparison.Ordinal));
    }
}

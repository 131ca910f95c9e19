using Vigil.Domain.Claims;
using Vigil.Extraction.Incidents;
using Vigil.Extraction.Text;

namespace Vigil.Extraction.Statements;

/// <summary>
/// Where a statistic is scoped, read from its sentence and the sentences before it: a place named before the
/// figure (the nearest), else after it; a region reported apart ("the former tribal districts", "the merged
/// districts"); a reference back ("in the province" is the province named last, "in this region" the region
/// named last, a sentence opening "These"/"They"/"Of them" keeps the previous sentence's scope); "countrywide",
/// "across the country" is the country. A place inside a name ("the Islamabad Policy Forum", "Islamabad-based")
/// or in the dateline ("PESHAWAR:") is no scope.
/// </summary>
internal sealed class StatisticScope(PlaceFinder places)
{
    // Regions reported apart, and the provinces' abbreviations the gazetteer leaves out as too short to trust in
    // running text ("KP 27 attacks").
    private static readonly PhraseIndex<string> RegionNames = BuildRegions();

    private static PhraseIndex<string> BuildRegions()
    {
        var index = new PhraseIndex<string>();
        foreach (var n in new[]
        {
            "fata", "former fata", "ex-fata", "erstwhile fata", "tribal districts", "former tribal districts", "merged districts",
            "newly merged districts", "erstwhile tribal areas", "former tribal areas", "tribal areas", "tribal belt", "erstwhile fata region",
            "federally administered tribal areas", "former federally administered tribal areas",
        })
            index.Add(n, "former-fata");
        foreach (var n in new[] { "KP", "KPK" })
            index.Add(n, "province:Khyber Pakhtunkhwa", caseSensitive: true);
        foreach (var n in new[] { "kp mainland", "settled districts", "mainland khyber pakhtunkhwa", "mainland kp" })
            index.Add(n, "kp-mainland");
        return index;
    }

    private ClaimScope _previous = new();
    private string? _lastProvince;
    private string? _lastRegion;

    private sealed record Anchor(int Start, int End, ClaimScope Scope);

    /// <summary>The scope of each figure (by its start) in one sentence; call for every sentence in order.</summary>
    public Func<int, ClaimScope> Sentence(TextDocument doc, Sentence s, int datelineEnd)
    {
        var tokens = doc.Tokens;
        var anchors = new List<Anchor>();
        foreach (var r in RegionNames.FindAll(doc, s.FirstToken, s.EndToken))
            anchors.Add(new Anchor(r.Start, r.End, r.Value.StartsWith("province:", StringComparison.Ordinal)
                ? new ClaimScope { Province = r.Value["province:".Length..] }
                : new ClaimScope { Region = r.Value }));
        foreach (var p in places.Find(doc, s.FirstToken, s.EndToken))
        {
            // "the former tribal districts of Khyber Pakhtunkhwa": the province only says where the region is.
            var ofRegion = p.FirstToken >= 2 && tokens[p.FirstToken - 1].Is("of") && anchors.Any(a => a.Scope.Region is not null && a.End == tokens[p.FirstToken - 2].End);
            if (p.End <= datelineEnd || InName(doc, p) || ofRegion || anchors.Any(a => p.Start < a.End && a.Start < p.End))
                continue;
            anchors.Add(new Anchor(p.Start, p.End, p.Place.Admin1 is "Federally Administered Tribal Areas"
                ? new ClaimScope { Region = "former-fata" }
                : new ClaimScope { Country = p.Place.Country ?? "Pakistan", Province = p.Place.Admin1, District = p.Place.Admin2 }));
        }
        for (var i = s.FirstToken; i + 1 < s.EndToken; i++)
        {
            var w = tokens[i].Lower;
            var next = tokens[i + 1].Lower;
            if ((w is "the" or "this" or "that") && next == "province" && _lastProvince is { } prov)
                anchors.Add(new Anchor(tokens[i].Start, tokens[i + 1].End, new ClaimScope { Province = prov }));
            else if ((w is "this" or "that" or "the") && next == "region" && _lastRegion is { } reg)
                anchors.Add(new Anchor(tokens[i].Start, tokens[i + 1].End, new ClaimScope { Region = reg }));
            else if (w is "these" && next is "districts" or "areas" && _lastRegion is { } reg2)
                anchors.Add(new Anchor(tokens[i].Start, tokens[i + 1].End, new ClaimScope { Region = reg2 }));
            else if (w is "countrywide" or "nationwide" || (w is "across" or "throughout" && i + 2 < s.EndToken && next == "the" && tokens[i + 2].Is("country")))
                anchors.Add(new Anchor(tokens[i].Start, tokens[i].End, new ClaimScope()));
        }
        if (tokens[s.FirstToken].Lower is "countrywide" or "nationwide")
            anchors.Add(new Anchor(tokens[s.FirstToken].Start, tokens[s.FirstToken].End, new ClaimScope()));
        anchors.Sort((a, b) => a.Start.CompareTo(b.Start));
        foreach (var a in anchors)
        {
            if (a.Scope.Province is { } p && a.Scope.Region is null)
                _lastProvince = p;
            if (a.Scope.Region is { } r)
                _lastRegion = r;
        }
        var first = tokens[s.FirstToken].Lower;
        var refers = first is "these" or "they" or "those" or "this" || (first == "of" && s.FirstToken + 1 < s.EndToken && tokens[s.FirstToken + 1].Lower is "them" or "these" or "those")
            || (first == "the" && s.FirstToken + 1 < s.EndToken && tokens[s.FirstToken + 1].Lower is "attacks" or "incidents");
        var fallback = refers ? _previous : new ClaimScope();
        var sentenceScope = anchors.Count > 0 ? anchors[0].Scope : fallback;
        _previous = sentenceScope;
        return start =>
        {
            var before = anchors.LastOrDefault(a => a.End <= start);
            return before?.Scope ?? anchors.FirstOrDefault()?.Scope ?? fallback;
        };
    }

    // "the Islamabad Policy Forum", "Islamabad-based": a place that is part of a name or a description of one.
    private static bool InName(TextDocument doc, PlaceMention p)
    {
        var tokens = doc.Tokens;
        var k = p.FirstToken;
        while (k < tokens.Count && tokens[k].End <= p.End)
            k++;
        if (k < tokens.Count && tokens[k].Kind == TokenKind.Word && char.IsUpper(doc.Text[tokens[k].Start]) && tokens[k].Start == p.End + 1
            && tokens[k].Lower is not ("and" or "saw" or "was" or "remained" or "recorded" or "witnessed"))
            return true;
        return k + 1 < tokens.Count && tokens[k].Is("-") && tokens[k + 1].Lower is "based";
    }
}

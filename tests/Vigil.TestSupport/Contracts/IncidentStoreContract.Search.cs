using Vigil.Domain.Incidents;
using Vigil.Domain.Revisions;
using Vigil.Storage;
using Vigil.TestSupport.Hostile;

namespace Vigil.TestSupport.Contracts;

/// <summary>
/// The full-text index (schema version 13): what a search finds, that the index follows every write (a creation, an
/// edit, a deletion, an import into an empty table and a re-import), that hostile text is only ever words, and that
/// figures over a search count only what it finds — the monthly rollup cannot answer them.
/// </summary>
public abstract partial class IncidentStoreContract
{
    private static IncidentQuery Search(string text) =>
        new() { Text = TextSearch.Parse(text).Search ?? throw new ArgumentException(TextSearch.Parse(text).Problem) };

    private static IReadOnlyList<long> Found(IIncidentStore store, string text, bool includeDeleted = false) =>
        store.QueryIds(Search(text) with { IncludeDeleted = includeDeleted, Sort = IncidentSort.Id });

    /// <summary>An incident with its own words in each part the index holds.</summary>
    private static Incident Worded(string id, string location, string notes, string source, string headline, string? url, int killed = 3) =>
        Incidents.Sample(id: id, killed: killed) with
        {
            Place = Incidents.Sample().Place with { Location = location },
            Notes = notes,
            Sources = [new SourceReference(source, new DateOnly(2020, 1, 2), headline, url)],
        };

    [Fact]
    public void A_search_finds_an_incident_by_a_word_of_its_place_notes_source_headline_or_address()
    {
        using var store = OpenFresh();
        var bazaar = store.Create(Worded("1", "Qissa Khwani Bazaar", "A remote-controlled device exploded near a police van.",
            "Dawn", "Blast rocks Hashtnagri’s old lanes", "https://www.dawn.com/news/1234567"), Analyst).Id;
        var drone = store.Create(Worded("2", "Datta Khel", "Drone strike on a compound; identities not known.",
            "The Express Tribune", "Missiles hit compound in North Waziristan", "https://tribune.com.pk/story/99"), Analyst).Id;

        Assert.Equal([bazaar], Found(store, "bazaar"));                    // the location
        Assert.Equal([bazaar, drone], Found(store, "peshawar"));          // the district (both), and a headline
        Assert.Equal([bazaar], Found(store, "van"));                       // the notes
        Assert.Equal([bazaar], Found(store, "rocks"));                     // the headline
        Assert.Equal([drone], Found(store, "tribune"));                    // the source's name and address
        Assert.Equal([bazaar], Found(store, "1234567"));                   // a word of the address
        Assert.Equal([bazaar], Found(store, "hashtnagri"));                // before a curly apostrophe ("Hashtnagri’s old lanes")
        Assert.Equal([drone], Found(store, "DRONE Compound"));             // every word, any case
        Assert.Empty(Found(store, "drone bazaar"));                        // every word must be found, not any
        Assert.Equal([drone], Found(store, "\"north waziristan\""));      // a phrase
        Assert.Empty(Found(store, "\"waziristan north\""));               // its words in that order
        Assert.Equal([bazaar], Found(store, "remote-controlled"));         // words joined by punctuation are a phrase
        Assert.Equal([drone], Found(store, "waziri*"));                    // a prefix
        Assert.Equal([drone], Found(store, "\"north wazir\"*"));          // a phrase ending in a prefix
        Assert.Empty(Found(store, "waziri"));                              // without the star, a word is whole
        Assert.Equal(1, store.Count(Search("drone")));
    }

    [Fact]
    public void The_index_follows_edits_deletions_and_sources_added_or_removed()
    {
        using var store = OpenFresh();
        var created = store.Create(Worded("1", "Sariab Road", "an attack on a checkpost", "Dawn", "Checkpost attacked", "https://example.org/a"), Analyst);
        Assert.Equal([created.Id], Found(store, "checkpost"));

        var edited = store.Update(created with { Notes = "a grenade thrown at a market", Place = created.Place with { Location = "Kandahari Bazaar" } }, 1, Analyst);
        Assert.Equal([created.Id], Found(store, "grenade"));
        Assert.Equal([created.Id], Found(store, "kandahari"));
        Assert.Empty(Found(store, "sariab"));
        Assert.Equal([created.Id], Found(store, "checkpost")); // still in the headline

        var sourced = store.Update(edited with { Sources = [.. edited.Sources, new SourceReference("The News", null, "Market blast", "https://thenews.com.pk/1")] }, 2, Analyst);
        Assert.Equal([created.Id], Found(store, "thenews"));
        store.Update(sourced with { Sources = [new SourceReference("Geo", null, "Grenade in Quetta", null)] }, 3, Analyst);
        Assert.Empty(Found(store, "thenews"));
        Assert.Empty(Found(store, "checkpost"));
        Assert.Equal([created.Id], Found(store, "geo quetta"));

        store.Delete(created.Id, 4, Analyst);
        Assert.Empty(Found(store, "grenade"));
        Assert.Equal([created.Id], Found(store, "grenade", includeDeleted: true));
    }

    [Fact]
    public void The_index_is_built_by_a_first_import_and_follows_a_re_import()
    {
        using var store = OpenFresh();
        // Into empty tables the index is built once at the end; then a re-import updates rows one by one.
        Import(store, Worded("1", "Landi Kotal", "firing at a convoy", "Dawn", "Convoy ambushed", "https://example.org/1"),
            Worded("2", "Jamrud", "a roadside bomb", "Dawn", "Bomb in Khyber", "https://example.org/2"));
        var ids = store.QueryIds(IncidentQuery.All with { Sort = IncidentSort.Id });
        Assert.Equal([ids[0]], Found(store, "convoy"));
        Assert.Equal([ids[1]], Found(store, "roadside"));

        Import(store, Worded("1", "Landi Kotal", "firing at a convoy; two vehicles burnt", "Dawn", "Convoy ambushed", "https://example.org/1"),
            Worded("2", "Jamrud", "a roadside bomb", "Dawn", "Bomb in Khyber", "https://example.org/2"),
            Worded("3", "Bara", "a mortar shell", "Dawn", "Shelling in Bara", "https://example.org/3"));
        Assert.Equal([ids[0]], Found(store, "vehicles"));
        Assert.Single(Found(store, "mortar"));
        Assert.Equal(3, store.Count(Search("dawn")));
    }

    [Fact]
    public void Hostile_search_text_is_only_ever_words_to_look_for()
    {
        using var store = OpenFresh();
        store.Create(Worded("1", "Quetta", "near the NEAR gate (and OR not)", "Dawn", "x", null), Analyst);

        var texts = new List<string>(HostileValues.For(17, count: 24))
        {
            "\"", "\"\"", "\"a", "*", "**", "a**", "a* b*", "NEAR(a b)", "a NEAR b", "a AND b", "a OR b", "NOT a", "-a", "+a", "a:b", "col:word",
            "place:quetta", "{place notes}: quetta", "^quetta", "(a", "a)", "'", "''", "\\", "a\\b", "a & b", "a | b", "!a", "a <-> b", "a:*", "a:*B",
            "\u00000", "\uFEFFquetta", "quetta\u0301", "\u0301", "e\u0301\u0301", "𝐓𝐓𝐏", "١٢٣", "کوئٹہ", new string('x', 2000),
        };
        foreach (var text in texts)
        {
            var (search, _) = TextSearch.Parse(text);
            if (search is null)
                continue;
            var count = store.Count(new IncidentQuery { Text = search });
            Assert.InRange(count, 0, 1);
            store.AggregateMonthly(new IncidentQuery { Text = search }, GroupBy.Province);
        }
        // Operators are words like any other: "near", "and", "or" and "not" are in the notes.
        Assert.Equal(1, store.Count(Search("NEAR OR not")));
        Assert.Equal(1, store.Count(Search("near(gate)")));
    }

    [Fact]
    public void Figures_over_a_search_count_what_it_finds_not_the_rollup()
    {
        using var store = OpenFresh();
        Import(store, Worded("1", "Quetta", "a drone strike", "Dawn", "x", null, killed: 4),
            Worded("2", "Quetta", "a bombing", "Dawn", "y", null, killed: 7),
            Worded("3", "Quetta", "another drone strike", "Dawn", "z", null, killed: 9));
        var query = Search("drone") with { From = new DateOnly(2020, 1, 1), To = new DateOnly(2020, 12, 31) };

        Assert.Equal(2, store.Count(query));
        var month = Assert.Single(store.AggregateMonthly(query, GroupBy.None));
        Assert.Equal((2L, 13L), (month.Incidents, month.KilledBest));
        var province = Assert.Single(store.AggregateMonthly(query, GroupBy.Province));
        Assert.Equal(2L, province.Incidents);
        Assert.Equal(2L, Assert.Single(store.Aggregate(query, GroupBy.None)).Incidents);
        Assert.Equal(3, store.Count(query with { Text = null }));
    }

    [Fact]
    public void A_killed_range_never_takes_an_unknown_toll_for_zero()
    {
        using var store = OpenFresh();
        Import(store, Incidents.Sample(id: "1", killed: 0), Incidents.Sample(id: "2", killed: 5), Incidents.Sample(id: "3", killed: null),
            Incidents.Sample(id: "4", killed: 12));

        Assert.Equal(2, store.Count(new IncidentQuery { MaxKilled = 5 }));                 // 0 and 5, not the unknown one
        Assert.Equal(1, store.Count(new IncidentQuery { MinKilled = 1, MaxKilled = 10 }));
        Assert.Equal(1, store.Count(new IncidentQuery { MaxKilled = 0 }));
        Assert.Equal(3, store.Count(new IncidentQuery { MinKilled = 0 }));
        var month = Assert.Single(store.AggregateMonthly(new IncidentQuery { MaxKilled = 5 }, GroupBy.None));
        Assert.Equal((2L, 5L, 0L), (month.Incidents, month.KilledBest, month.KilledUnknown));
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Vigil.Bench;

/// <summary>
/// A generated corpus of news-like articles as JSON lines ({"id","published","source","title","text"}), from
/// templates written for this benchmark: attack reports with casualty phrases of every kind, places, dates,
/// groups, and ordinary filler sentences, 8 to 24 sentences an article. Seeded, so the same corpus every time.
/// </summary>
internal static class NewsCorpus
{
    private static readonly string[] Places = ["Peshawar", "Quetta", "Bannu", "North Waziristan", "Khyber", "Dera Ismail Khan", "Lakki Marwat", "Karachi", "Kech", "Bajaur", "Kurram", "Mastung", "Swat", "Chitral", "Zhob"];
    private static readonly string[] Groups = ["the Tehrik-i-Taliban Pakistan", "the TTP", "Islamic State Khorasan Province", "the Balochistan Liberation Army", "Lashkar-e-Jhangvi", "Jamaat-ul-Ahrar"];
    private static readonly string[] Counts = ["12", "at least 7", "more than 20", "twenty-three", "a dozen", "dozens of", "several", "up to 15", "nearly 40", "15 to 20", "three", "two"];
    private static readonly string[] Days = ["on Monday", "yesterday", "on Friday night", "last week", "this morning", "on 12 March"];
    private static readonly string[] Reports =
    [
        "A suicide bomber struck a police checkpoint in {place} {day}, killing {n} people and wounding {m} others, officials said.",
        "{n} soldiers were martyred when militants attacked a convoy in {place} {day}.",
        "{group} claimed responsibility for the attack, which left {n} people dead.",
        "Police suspected {group} of planting the roadside bomb that injured {m} passers-by near {place}.",
        "The death toll from the blast in {place} rose to {k}, a hospital official said.",
        "Gunmen shot dead a tribal elder in {place} {day}; no group has claimed responsibility.",
        "Security forces killed {n} militants in an intelligence-based operation in {place}, the military said.",
        "Unknown men abducted {n} workers from a construction site in {place} {day}.",
        "Militants who crossed over from Afghanistan attacked border posts in {place}, killing {n} soldiers.",
    ];
    private static readonly string[] Filler =
    [
        "The provincial government announced compensation for the families of the victims.",
        "Rescue teams shifted the wounded to the district headquarters hospital, where an emergency was declared.",
        "The area was cordoned off and a search operation was launched after the incident.",
        "Residents said they heard a loud sound followed by gunfire that lasted for about twenty minutes.",
        "The prime minister condemned the attack and directed the authorities to submit a report within 24 hours.",
        "Traders in the main bazaar kept their shops closed on the following day as a mark of protest.",
        "Analysts say the security situation in the region has deteriorated since the end of the ceasefire in November.",
        "A senior police official told reporters that the investigation was at an early stage.",
        "Local elders called for talks between the government and tribal representatives.",
        "The highway remained closed to traffic for several hours, causing long queues of vehicles.",
        "In a separate development, the cabinet approved a new counter-terrorism strategy for the province.",
        "Officials said the bomb disposal squad had collected evidence from the site.",
    ];

    public static void Write(string path, int articles, int seed)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\n" };
        var start = new DateOnly(2019, 1, 1);
        var sb = new StringBuilder();
        for (var i = 0; i < articles; i++)
        {
            sb.Clear();
            var sentences = random.Next(8, 25);
            for (var s = 0; s < sentences; s++)
            {
                var template = s % 3 == 0 || random.Next(4) == 0 ? Reports[random.Next(Reports.Length)] : Filler[random.Next(Filler.Length)];
                sb.Append(template
                    .Replace("{place}", Places[random.Next(Places.Length)], StringComparison.Ordinal)
                    .Replace("{group}", Groups[random.Next(Groups.Length)], StringComparison.Ordinal)
                    .Replace("{day}", Days[random.Next(Days.Length)], StringComparison.Ordinal)
                    .Replace("{n}", Counts[random.Next(Counts.Length)], StringComparison.Ordinal)
                    .Replace("{m}", random.Next(1, 80).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    .Replace("{k}", random.Next(10, 120).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
                sb.Append(s % 5 == 4 ? "\n" : " ");
            }
            var text = sb.ToString();
            var o = new JsonObject
            {
                ["id"] = "gen-" + i.ToString(CultureInfo.InvariantCulture),
                ["published"] = start.AddDays(random.Next(0, 1800)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["source"] = "generated",
                ["title"] = text[..Math.Min(60, text.Length)],
                ["text"] = text,
            };
            writer.WriteLine(o.ToJsonString());
        }
    }
}

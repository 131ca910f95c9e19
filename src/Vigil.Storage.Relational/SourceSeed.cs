using Vigil.Domain.Sources;

namespace Vigil.Storage.Relational;

/// <summary>
/// The registry entries a new database starts with, each justified in docs/method.md ("The source registry"): the
/// three parties whose claims Pakistani and Afghan reporting quotes most (graded F: Vigil ships no judgement of a
/// party's honesty; what matters is that their claims are kept apart), and the two bundled UCDP datasets.
/// </summary>
internal static class SourceSeed
{
    public const string Author = "vigil (seed)";
    public const string At = "2026-12-07T00:00:00.0000000Z";

    public static readonly IReadOnlyList<SourceEntry> Entries =
    [
        new()
        {
            Key = "ispr", Name = "ISPR (Inter-Services Public Relations)", Aliases = ["inter-services public relations", "inter services public relations"],
            Type = SourceType.Party, PartySide = "Pakistan (state)",
            Notes = "The Pakistani military's press service, a party to the conflict: its figures are claims, kept apart.",
        },
        new()
        {
            Key = "umar-media", Name = "Umar Media (TTP)", Aliases = ["umar media", "ttp spokesman"],
            Type = SourceType.Party, PartySide = "TTP",
            Notes = "The media wing of Tehrik-i-Taliban Pakistan, a party to the conflict: its claims are kept apart.",
        },
        new()
        {
            Key = "zabihullah-mujahid", Name = "Zabihullah Mujahid (Taliban interim government spokesman)", Aliases = ["zabihullah mujahid"],
            Type = SourceType.Party, PartySide = "Afghan Taliban (interim government)",
            Notes = "The spokesman of the Taliban interim government of Afghanistan, a party to the conflict: its statements are claims, kept apart.",
        },
        new()
        {
            Key = "ucdp-ged", Name = "UCDP Georeferenced Event Dataset", Type = SourceType.Dataset, Reliability = 'B',
            Notes = "B, usually reliable: a published coding method, each event coded from named sources and reviewed for the yearly release.",
        },
        new()
        {
            Key = "ucdp-candidate", Name = "UCDP Candidate Events", Type = SourceType.Dataset, Reliability = 'C',
            Notes = "C, fairly reliable: UCDP's provisional monthly release, coded by the same method but not yet reviewed; GED supersedes it.",
        },
    ];

    public static string InsertSql(SourceEntry e) =>
        $"INSERT INTO sources (key, name, aliases, type, party_side, reliability, notes, saved_at, saved_by) VALUES ("
        + $"{Q(e.Key)}, {Q(e.Name)}, {Q(SourceRows.AliasesText(e.Aliases))}, {Q(SourceRows.TypeText(e.Type))}, {Q(e.PartySide)}, "
        + $"{Q(e.Reliability.ToString())}, {Q(e.Notes)}, {Q(At)}, {Q(Author)});\n"
        + $"INSERT INTO source_history (source_key, at, author, reason, before, after) VALUES ({Q(e.Key)}, {Q(At)}, {Q(Author)}, "
        + $"'shipped with Vigil (docs/method.md, The source registry)', NULL, {Q(SourceRows.Json(e))});";

    private static string Q(string? text) => text is null ? "NULL" : "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}

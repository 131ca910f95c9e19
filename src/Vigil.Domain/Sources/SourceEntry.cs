namespace Vigil.Domain.Sources;

/// <summary>
/// A source in the registry: an outlet, an office, a group's media wing, an NGO, a statistics office, or a dataset.
/// <see cref="Key"/> is its stable name (lower case, as reports refer to it); <see cref="Aliases"/> are other names a
/// report may give it ("Inter-Services Public Relations" for ISPR). <see cref="PartySide"/> says whose side a party
/// is (null for every other kind). <see cref="Reliability"/> is one letter A–F (<see cref="Sources.Reliability"/>).
/// </summary>
public sealed record SourceEntry
{
    public required string Key { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public required SourceType Type { get; init; }
    public string? PartySide { get; init; }

    public char Reliability
    {
        get => field;
        init => field = value is >= 'A' and <= 'F' ? value : throw new ArgumentOutOfRangeException(nameof(Reliability), value, "a reliability grade is A to F");
    } = Sources.Reliability.Ungraded;

    public string? Notes { get; init; }

    /// <summary>Whether the entry is only implied by a dataset of the database (not yet saved in the registry).</summary>
    public bool Implied { get; init; }

    /// <summary>Entries are equal when every value is, the aliases compared in order.</summary>
    public bool Equals(SourceEntry? other) =>
        other is not null && Key == other.Key && Name == other.Name && Aliases.SequenceEqual(other.Aliases) && Type == other.Type
        && PartySide == other.PartySide && Reliability == other.Reliability && Notes == other.Notes && Implied == other.Implied;

    public override int GetHashCode() => HashCode.Combine(Key, Name, Type, PartySide, Reliability, Notes, Implied);

    /// <summary>The problem with an entry's values (naming the field), or null.</summary>
    public static (string Field, string Problem)? Check(string? key, string? name, SourceType type, string? partySide)
    {
        if (string.IsNullOrWhiteSpace(key))
            return ("key", "is required");
        if (key.Any(c => char.IsWhiteSpace(c) || char.IsUpper(c)) || key.Length > 80)
            return ("key", $"'{key}' must be lower case without spaces, at most 80 characters (e.g. ispr, dawn, ucdp-ged)");
        if (string.IsNullOrWhiteSpace(name))
            return ("name", "is required");
        if (type == SourceType.Party && string.IsNullOrWhiteSpace(partySide))
            return ("party_side", "a party needs its side (e.g. 'Pakistan (state)', 'TTP')");
        if (type != SourceType.Party && !string.IsNullOrWhiteSpace(partySide))
            return ("party_side", "only a party has a side");
        return null;
    }
}

/// <summary>One edit of a registry entry: who, when, why, and the entry before (null for its creation) and after.</summary>
public sealed record SourceEntryChange(string Key, DateTimeOffset At, string Author, string? Reason, SourceEntry? Before, SourceEntry After);

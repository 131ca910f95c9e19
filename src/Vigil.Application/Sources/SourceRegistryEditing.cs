using Vigil.Domain.Errors;
using Vigil.Domain.Revisions;
using Vigil.Domain.Sources;
using Vigil.Domain.Text;
using Vigil.Storage;

namespace Vigil.Application.Sources;

/// <summary>
/// Adding and editing entries of the source registry, for <c>vigil sources add|edit</c> and <c>POST</c>/<c>PUT
/// /api/v1/sources</c>: the text values read and checked once, naming the field at fault, then written with the
/// history row and the regrading of the incidents that cite the entry (<see cref="ISourceRegistry"/>).
/// </summary>
public sealed class SourceRegistryEditing(IVigilDatabase db)
{
    /// <exception cref="FieldException">A value that cannot be used, or a key, name or alias already taken.</exception>
    public SourceEntry Add(string key, SourceEdit edit, string author, string? reason)
    {
        if (edit.Name is null)
            throw new FieldException("name", "is required");
        if (edit.Type is null)
            throw new FieldException("type", $"is required: one of {string.Join(", ", EnumText<SourceType>.All)}");
        var entry = Apply(new SourceEntry { Key = key.Trim().ToLowerInvariant(), Name = "", Type = SourceType.IndependentMedia }, edit);
        return db.Sources.Add(entry, new ChangeContext(author, reason));
    }

    /// <exception cref="FieldException">A value that cannot be used, or nothing to change.</exception>
    /// <exception cref="NotFoundException">No entry with this key.</exception>
    public SourceEntry Edit(string key, SourceEdit edit, string author, string? reason)
    {
        if (edit.IsEmpty)
            throw new FieldException("name", "nothing to change: give name, aliases, type, party_side, reliability or notes");
        var entry = db.Sources.Find(key) ?? throw new NotFoundException($"source '{key}'");
        return db.Sources.Edit(entry.Key, current => Apply(current, edit), new ChangeContext(author, reason));
    }

    private static SourceEntry Apply(SourceEntry current, SourceEdit edit)
    {
        var type = current.Type;
        if (edit.Type is { } typeText && !EnumText<SourceType>.TryParse(typeText, out type))
            throw new FieldException("type", $"'{typeText}' is not one of: {string.Join(", ", EnumText<SourceType>.All)}");
        var reliability = current.Reliability;
        if (edit.Reliability is { } grade)
        {
            reliability = Reliability.Parse(grade)
                ?? throw new FieldException("reliability", $"'{grade}' is not a grade: {string.Join("; ", Reliability.Meanings)}");
        }
        return current with
        {
            Name = edit.Name?.Trim() ?? current.Name,
            Aliases = edit.Aliases is { } aliases ? [.. aliases.Select(a => a.Trim()).Where(a => a.Length > 0)] : current.Aliases,
            Type = type,
            PartySide = edit.PartySide is { } side ? (side.Trim().Length == 0 ? null : side.Trim()) : current.PartySide,
            Reliability = reliability,
            Notes = edit.Notes is { } notes ? (notes.Trim().Length == 0 ? null : notes.Trim()) : current.Notes,
        };
    }
}

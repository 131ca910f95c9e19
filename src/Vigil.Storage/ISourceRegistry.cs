using Vigil.Domain.Revisions;
using Vigil.Domain.Sources;

namespace Vigil.Storage;

/// <summary>
/// The source registry: outlets, offices, parties' media wings, NGOs, statistics offices and datasets, each with its
/// type and reliability grade, and the history of every edit. Every dataset of the database is listed as a source of
/// type dataset, graded F until an analyst grades it (saving it makes it an entry of its own).
/// </summary>
public interface ISourceRegistry
{
    /// <summary>Every entry, saved ones and the datasets implied by the data, by key.</summary>
    IReadOnlyList<SourceEntry> List();

    /// <summary>The entry with this key, name or alias (any case), or null.</summary>
    SourceEntry? Find(string keyOrName);

    /// <summary>
    /// Adds an entry (or saves one only implied by a dataset); re-derives the grades of the incidents citing it. Refused
    /// when the key, or a name or alias, is already another entry's.
    /// </summary>
    /// <exception cref="Domain.Errors.FieldException">A value that cannot be used, or a key already taken (field <c>key</c>).</exception>
    SourceEntry Add(SourceEntry entry, ChangeContext context);

    /// <summary>Edits an entry (its key cannot change), records the change, and re-derives the grades of the incidents citing it.</summary>
    /// <exception cref="Domain.Errors.NotFoundException">No entry with this key.</exception>
    SourceEntry Edit(string key, Func<SourceEntry, SourceEntry> apply, ChangeContext context);

    /// <summary>Every edit of an entry, oldest first.</summary>
    IReadOnlyList<SourceEntryChange> History(string key);
}

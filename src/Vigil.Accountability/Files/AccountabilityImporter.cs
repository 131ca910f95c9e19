using Vigil.Domain.Errors;
using Vigil.Storage;

namespace Vigil.Accountability.Files;

/// <summary>
/// Imports one accountability file all-or-nothing: it is read and checked whole (every reference to an
/// engagement or a crossing must be in the file or the database) before anything is written, then written
/// in one transaction.
/// </summary>
public static class AccountabilityImporter
{
    public static AccountabilitySaveSummary Import(IAccountabilityStore store, string path) =>
        Import(store, AccountabilityFileReader.Read(path));

    public static AccountabilitySaveSummary Import(IAccountabilityStore store, AccountabilityFile file)
    {
        var engagements = file.Set.Engagements.Select(e => e.Key).Concat(store.GetEngagements().Select(e => e.Key)).ToHashSet(StringComparer.Ordinal);
        var crossings = file.Set.Crossings.Select(c => c.Key).Concat(store.GetCrossings().Select(c => c.Key)).ToHashSet(StringComparer.Ordinal);
        foreach (var r in file.References)
        {
            var known = r.Kind == "engagement" ? engagements : crossings;
            if (!known.Contains(r.Key))
                throw new InputException(r.Location, $"no {r.Kind} '{r.Key}' in this file or in the database");
        }
        return store.Save(file.Set);
    }
}

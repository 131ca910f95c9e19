using Vigil.Domain.Datasets;

namespace Vigil.Storage;

/// <summary>
/// The datasets of a database with their descriptions, licences and coverage. A dataset is registered (with
/// <see cref="KnownDatasets"/>' defaults) the first time it is imported; the team's own records are listed once
/// there are any.
/// </summary>
public interface IDatasetStore
{
    /// <summary>Every dataset, in the order they were added, each with its data's span and incident count.</summary>
    IReadOnlyList<Dataset> List();

    Dataset? Find(string name);

    /// <summary>Saves an analyst's edit of a dataset (its name cannot change).</summary>
    Dataset Save(Dataset dataset);

    /// <summary>Makes this dataset the primary one (the others lose the mark).</summary>
    void SetPrimary(string name);
}

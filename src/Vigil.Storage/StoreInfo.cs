namespace Vigil.Storage;

/// <summary>What a database holds.</summary>
public sealed record StoreInfo(
    string Backend,
    string Location,
    int SchemaVersion,
    long Incidents,
    long DeletedIncidents,
    long Revisions,
    long Sources,
    long Imports,
    DateOnly? FirstDate,
    DateOnly? LastDate,
    IReadOnlyList<DatasetCount> Datasets);

public sealed record DatasetCount(string Dataset, long Incidents);

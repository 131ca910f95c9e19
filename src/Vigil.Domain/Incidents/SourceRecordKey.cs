namespace Vigil.Domain.Incidents;

/// <summary>
/// The dataset an incident was imported from and its id there. Re-importing a record with the same key
/// updates the incident instead of adding a new one.
/// </summary>
public sealed record SourceRecordKey
{
    public SourceRecordKey(string dataset, string recordId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataset);
        ArgumentException.ThrowIfNullOrWhiteSpace(recordId);
        Dataset = dataset;
        RecordId = recordId;
    }

    public string Dataset { get; }
    public string RecordId { get; }

    public override string ToString() => $"{Dataset}:{RecordId}";
}

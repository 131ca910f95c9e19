namespace Vigil.Domain.Datasets;

public static class DatasetNames
{
    /// <summary>
    /// The team's own records: incidents accepted from news reports or entered by hand, which carry no dataset record
    /// key. Stored without a dataset; named <c>own</c> wherever a scope names datasets.
    /// </summary>
    public const string Own = "own";
}

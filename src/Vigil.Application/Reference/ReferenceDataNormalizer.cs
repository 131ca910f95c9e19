using Vigil.Ingestion.Normalization;

namespace Vigil.Application.Reference;

public static class ReferenceDataNormalizer
{
    /// <summary>The import normaliser over this reference data (names, places and actors resolved against it).</summary>
    public static IncidentNormalizer Normalizer(this ReferenceData reference) => new(reference.Gazetteer, reference.Actors);
}

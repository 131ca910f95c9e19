namespace Vigil.Domain.Incidents;

/// <summary>How precisely the coordinates locate the incident (Vigil's scale; the source's code is kept beside it).</summary>
public enum GeoPrecision
{
    /// <summary>The exact place (UCDP where_prec 1, ACLED geo_precision 1).</summary>
    Exact,
    /// <summary>Near a known place, within about 25 km (UCDP 2, ACLED 2).</summary>
    Near,
    /// <summary>Only the district (admin2) is known; coordinates are its centre or a town in it (UCDP 3, ACLED 3).</summary>
    District,
    /// <summary>Only the province (admin1) is known (UCDP 4).</summary>
    Province,
    /// <summary>Only the country, or a line/area spanning several units (UCDP 5–6).</summary>
    Country,
    /// <summary>The source does not say.</summary>
    Unknown,
}

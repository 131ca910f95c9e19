namespace Vigil.Domain.Incidents;

/// <summary>Problems noticed in a record. They describe the data; they never change it.</summary>
[Flags]
public enum QualityFlags
{
    None = 0,
    /// <summary>Killed low &gt; best in the source.</summary>
    KilledLowAboveBest = 1 << 0,
    /// <summary>Killed best &gt; high in the source.</summary>
    KilledBestAboveHigh = 1 << 1,
    InjuredLowAboveBest = 1 << 2,
    InjuredBestAboveHigh = 1 << 3,
    /// <summary>Low &gt; high where no best is given (killed or injured).</summary>
    LowAboveHigh = 1 << 4,
    /// <summary>The district was found from the coordinates (point in polygon), not given by the source.</summary>
    DistrictFromCoordinates = 1 << 5,
    /// <summary>The province was derived from the district, not given by the source.</summary>
    ProvinceFromDistrict = 1 << 6,
    /// <summary>The source's province name is not in the gazetteer.</summary>
    UnknownProvince = 1 << 7,
    /// <summary>The source's district name is not in the gazetteer.</summary>
    UnknownDistrict = 1 << 8,
    /// <summary>An actor name is not in the alias table.</summary>
    UnresolvedActor = 1 << 9,
    /// <summary>The source writes 0 both for none and for unknown (ACLED), so the count was kept as unknown.</summary>
    AmbiguousZero = 1 << 10,
    /// <summary>The source doubts the event meets its own inclusion criteria (GTD doubtterr, UCDP event_clarity 2).</summary>
    Doubtful = 1 << 11,
    /// <summary>
    /// The coordinates fall outside the district the source names, or the one its named town lies in. The
    /// named district is kept; the point stays as given, so both can be seen.
    /// </summary>
    CoordinatesOutsideDistrict = 1 << 12,
    /// <summary>The source gives a negative number for a count; it is kept in the notes, not as a count.</summary>
    NegativeCountInSource = 1 << 13,
    /// <summary>The source gives the day of the week, and it does not match the date.</summary>
    WeekdayMismatch = 1 << 14,
    /// <summary>The source's coordinates are not numbers or out of range; they are kept in the notes, not as coordinates.</summary>
    InvalidCoordinatesInSource = 1 << 15,
    /// <summary>The source names no district Vigil knows; the district is the one its location (a town, a district) names.</summary>
    DistrictFromLocation = 1 << 16,
    /// <summary>
    /// The district the source names (or its town's) lies in another province than the one the source names.
    /// The province is the district's; the source's stays in <see cref="Place.Admin1Raw"/>.
    /// </summary>
    DistrictOutsideProvince = 1 << 17,
    /// <summary>
    /// The source names no place Vigil knows, and its coordinates fall in a district of another province than
    /// the one it names: the named province is kept and no district is taken from the point.
    /// </summary>
    CoordinatesOutsideProvince = 1 << 18,
}

/// <summary>Named sets of <see cref="QualityFlags"/>.</summary>
public static class QualityFlagSets
{
    /// <summary>Flags about what the source itself said; an analyst's edit of the values does not undo them.</summary>
    public const QualityFlags FromSource = QualityFlags.Doubtful | QualityFlags.AmbiguousZero | QualityFlags.WeekdayMismatch
        | QualityFlags.InvalidCoordinatesInSource | QualityFlags.NegativeCountInSource;
}

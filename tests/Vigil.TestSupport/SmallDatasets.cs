using System.Globalization;

namespace Vigil.TestSupport;

/// <summary>
/// Two small files in the datasets' own formats, for tests of the dataset registry: the first rows of the bundled UCDP
/// GED file, and two Pakistan Body Count suicide attacks as PBC's file writes them (1995-11-19 and 2000-11-06).
/// </summary>
public static class SmallDatasets
{
    public const string PbcSuicide = """
        S#,Date,Islamic Date,Blast Day Type,Holiday Type,Time,City,Latitude,Longitude,Province,Location,Location Category,Location Sensitivity,Open/Closed Space,Influencing Event/Event,Target Type,Targeted Sect if any,Killed Min,Killed Max,Injured Min,Injured Max,No. of Suicide Blasts,Explosive Weight (max),Hospital Names,Temperature(C),Temperature(F)
        1,Sunday-November 19-1995,25 Jumaada al-THaany 1416 A.H,Holiday,Weekend,N/A,Islamabad,33.718,73.0718,Capital,Egyptian Embassy,Foreign,High,Closed,,Foreigner,None,14,15,,60,2,,,15.835,60.503
        2,Monday-November 6-2000,10 SHa`baan 1421 A.H,Working Day,,N/A,Karachi,24.9918,66.9911,Sindh,office of Nawa-e-Waqt,Office Building,Low,Closed,,Media,None,,3,,3,1,,,23.77,74.786

        """;

    /// <summary>What <see cref="WriteUcdpFirstRows"/> wrote: the file, its data rows, and the years they fall in.</summary>
    public sealed record UcdpRows(string Path, int Rows, int FirstYear, int LastYear);

    /// <summary>The bundled UCDP file's header and HXL rows and its first <paramref name="rows"/> data rows.</summary>
    public static UcdpRows WriteUcdpFirstRows(TempDirectory dir, int rows = 4)
    {
        var lines = File.ReadLines(RepoFiles.BundledUcdp).Take(2 + rows).ToList();
        // "year" is the third column, before any quoted field.
        var years = lines.Skip(2).Select(l => int.Parse(l.Split(',')[2], CultureInfo.InvariantCulture)).ToList();
        return new UcdpRows(dir.Write("ucdp-first-rows.csv", string.Join("\n", lines) + "\n"), years.Count, years.Min(), years.Max());
    }
}

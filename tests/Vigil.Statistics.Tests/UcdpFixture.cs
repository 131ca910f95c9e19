using System.Globalization;
using Microsoft.VisualBasic.FileIO;
using Vigil.Ingestion;
using Vigil.Ingestion.Normalization;
using Vigil.Storage.Sqlite;
using Vigil.TestSupport;

namespace Vigil.Statistics.Tests;

/// <summary>One UCDP event as read straight from the CSV by the test itself (not by Vigil's importer).</summary>
public sealed record UcdpRow(string Id, DateOnly Start, string? Province, long Best, long Low, long High)
{
    /// <summary>UCDP's deaths_civilians.</summary>
    public long Civilians { get; init; }
}

/// <summary>
/// The bundled UCDP file imported once into a database the tests only read, and the same file read
/// independently with TextFieldParser so that expected figures never come from the code under test.
/// Provinces are mapped with the test's own table (former FATA counts in Khyber Pakhtunkhwa).
/// </summary>
public sealed class UcdpFixture : IDisposable
{
    private static readonly Dictionary<string, string> Provinces = new()
    {
        ["Federally Administered Tribal Areas"] = "Khyber Pakhtunkhwa",
        ["Khyber Pakhtunkwa province"] = "Khyber Pakhtunkhwa",
        ["Balochistan province"] = "Balochistan",
        ["Sindh province"] = "Sindh",
        ["Punjab province"] = "Punjab",
        ["Azad Jammu & Kashmir"] = "Azad Jammu and Kashmir",
        ["Gilgit-Baltistan"] = "Gilgit-Baltistan",
        ["Islamabad Capital territory"] = "Islamabad Capital Territory",
    };

    private readonly TempDirectory _dir = new();

    public UcdpFixture()
    {
        Store = SqliteIncidentStore.Open(_dir.File("ucdp.db"));
        new Importer(Store, IncidentNormalizer.Bundled()).Import(RepoFiles.BundledUcdp, new ImportOptions());
        Rows = Read(RepoFiles.BundledUcdp);
    }

    public SqliteIncidentStore Store { get; }

    public IReadOnlyList<UcdpRow> Rows { get; }

    private static List<UcdpRow> Read(string path)
    {
        using var parser = new TextFieldParser(path) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        int Col(string name) => Array.IndexOf(header, name);
        int id = Col("id"), start = Col("date_start"), adm1 = Col("adm_1"), best = Col("best"), low = Col("low"), high = Col("high"), civilians = Col("deaths_civilians");
        var rows = new List<UcdpRow>();
        while (!parser.EndOfData)
        {
            var f = parser.ReadFields()!;
            if (f[id].Length == 0)
                continue; // the HXL tag row
            rows.Add(new UcdpRow(f[id], DateOnly.ParseExact(f[start][..10], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Provinces.GetValueOrDefault(f[adm1]), long.Parse(f[best], CultureInfo.InvariantCulture),
                long.Parse(f[low], CultureInfo.InvariantCulture), long.Parse(f[high], CultureInfo.InvariantCulture))
            {
                Civilians = long.Parse(f[civilians], CultureInfo.InvariantCulture),
            });
        }
        return rows;
    }

    public void Dispose()
    {
        Store.Dispose();
        _dir.Dispose();
    }
}

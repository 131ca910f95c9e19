using System.Text;
using Vigil.Ingestion.Export;
using Vigil.Storage;

namespace Vigil.Ingestion.Tests.Support;

/// <summary>Writes a store's incidents (with their sources) the way <c>vigil export</c> does.</summary>
internal static class Exports
{
    public const string Csv = "csv";
    public const string JsonArray = "json";
    public const string JsonLines = "jsonl";

    public static string Write(IIncidentStore store, string format, string path)
    {
        var incidents = store.Query(IncidentQuery.All, includeSources: true);
        using var file = File.Create(path);
        if (format == Csv)
        {
            using var writer = new StreamWriter(file, new UTF8Encoding(false));
            VigilCsvWriter.Write(writer, incidents);
        }
        else
        {
            VigilJsonWriter.Write(file, incidents, lines: format == JsonLines);
        }
        return path;
    }
}

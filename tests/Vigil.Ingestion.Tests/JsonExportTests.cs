using System.Text.Json;
using Vigil.Domain.Incidents;
using Vigil.Ingestion.Export;
using Vigil.Ingestion.Tests.Support;
using Vigil.Storage;
using static Vigil.Ingestion.Tests.Support.ExportSamples;

namespace Vigil.Ingestion.Tests;

/// <summary>Vigil's JSON and the GeoJSON export: values typed, not text.</summary>
public sealed class JsonExportTests
{
    private static JsonElement GeoJson(params Incident[] incidents)
    {
        using var file = new MemoryStream();
        VigilGeoJsonWriter.Write(file, incidents);
        return JsonDocument.Parse(file.ToArray()).RootElement;
    }

    private static JsonElement Properties(JsonElement collection, int feature) =>
        collection.GetProperty("features")[feature].GetProperty("properties");

    [Fact]
    public void GeoJSON_properties_are_numbers_booleans_and_ISO_dates()
    {
        var known = Properties(GeoJson(Both), 0);

        foreach (var (field, value) in new[] { ("id", 101.0), ("revision", 3), ("killed_best", 12), ("killed_security_forces", 4), ("injured_best", 30), ("latitude", 34.0086) })
        {
            Assert.Equal(JsonValueKind.Number, known.GetProperty(field).ValueKind);
            Assert.Equal(value, known.GetProperty(field).GetDouble());
        }
        Assert.True(known.GetProperty("suicide").GetBoolean());
        Assert.True(known.GetProperty("perpetrators_included").GetBoolean());
        Assert.Equal("2021-12-03", known.GetProperty("date_start").GetString());
        Assert.Equal("2022-01-02T03:04:05.678Z", known.GetProperty("created_at").GetString());
        Assert.Equal(JsonValueKind.Array, known.GetProperty("sources").ValueKind);
        Assert.Equal("suicide-bombing", known.GetProperty("event_type").GetString());
    }

    [Fact]
    public void GeoJSON_features_carry_every_field_with_null_for_unknown()
    {
        var collection = GeoJson(Both);
        var unknowns = Properties(collection, 1);

        foreach (var feature in collection.GetProperty("features").EnumerateArray())
            Assert.Equal(IncidentFields.Names, feature.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        foreach (var field in new[] { "killed_low", "killed_best", "killed_high", "injured_best", "killed_civilians", "perpetrators_included", "deleted_at", "sources" })
            Assert.Equal(JsonValueKind.Null, unknowns.GetProperty(field).ValueKind);
        Assert.False(unknowns.GetProperty("suicide").GetBoolean());
        Assert.Equal(JsonValueKind.Null, Properties(collection, 0).GetProperty("killed_militants").ValueKind);
    }

    [Fact]
    public void GeoJSON_points_are_longitude_first_and_incidents_without_coordinates_are_left_out()
    {
        var noPlace = Known with { Id = 103, Place = Place.Unknown };
        using var file = new MemoryStream();

        var written = VigilGeoJsonWriter.Write(file, [Known, noPlace]);

        var feature = Assert.Single(JsonDocument.Parse(file.ToArray()).RootElement.GetProperty("features").EnumerateArray());
        Assert.Equal(1, written);
        Assert.Equal([71.5785, 34.0086], feature.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()));
    }

    [Fact]
    public void JSON_writes_yes_no_fields_as_booleans_leaves_unknowns_out_and_imports_back()
    {
        using var db = new TestDatabase();
        var path = db.Folder.File("export.json");
        using (var file = File.Create(path))
            VigilJsonWriter.Write(file, Both, lines: false);
        var objects = JsonDocument.Parse(File.ReadAllBytes(path)).RootElement;

        Assert.Equal(JsonValueKind.True, objects[0].GetProperty("suicide").ValueKind);
        Assert.Equal(JsonValueKind.False, objects[1].GetProperty("suicide").ValueKind);
        Assert.Equal(JsonValueKind.Number, objects[0].GetProperty("killed_best").ValueKind);
        Assert.False(objects[1].TryGetProperty("killed_best", out _));
        Assert.False(objects[1].TryGetProperty("perpetrators_included", out _));

        db.Import(path);

        var back = db.Store.Query(IncidentQuery.All).OrderBy(i => i.SourceRecord!.RecordId, StringComparer.Ordinal).ToList();
        Assert.Equal([(true, (bool?)true, (int?)12), (false, null, null)], back.Select(i => (i.Suicide!.Value, i.PerpetratorsIncluded, i.Killed.Best)));
    }
}

using System.Text.Json;
using Vigil.Cli.Infrastructure;
using Vigil.TestSupport;

namespace Vigil.Cli.Tests;

/// <summary><c>vigil links</c> on the bundled UCDP file and PBC's suicide attacks (../shared), as a user runs it.</summary>
public sealed class LinksCommandTests : IDisposable
{
    private readonly Cli _cli = new();

    public LinksCommandTests()
    {
        Assert.Equal(0, _cli.Run("import", RepoFiles.BundledUcdp).ExitCode);
        Assert.Equal(0, _cli.Run("import", SharedData.PbcSuicide).ExitCode);
    }

    public void Dispose() => _cli.Dispose();

    private JsonElement Json(params string[] args)
    {
        var r = _cli.Run([.. args, "--json"]);
        Assert.True(r.ExitCode == 0, r.Error);
        return JsonDocument.Parse(r.Output).RootElement;
    }

    [Fact]
    public void Build_list_reject_rebuild_and_undo()
    {
        var built = Json("links", "build", "--dataset", "pbc-suicide", "--dataset", "ucdp-ged", "--by", "amina");
        var linked = built.GetProperty("linked").GetInt32();
        var compared = JsonDocument.Parse(_cli.Run("compare", "--a-dataset", "pbc-suicide", "--b-dataset", "ucdp-ged", "--events", "--json").Output).RootElement;
        Assert.Equal(compared.GetProperty("a").GetProperty("matched").GetInt32(), linked);

        var text = _cli.Run("links", "list", "--dataset", "pbc-suicide", "--status", "linked", "--limit", "5");
        Assert.Equal(0, text.ExitCode);
        Assert.Contains($"5 of {linked} links (--offset 5 for more)", text.Output, StringComparison.Ordinal);
        Assert.All(text.Output.Split('\n'), line => Assert.True(line.Length <= 80 || line.StartsWith("        ", StringComparison.Ordinal), line));

        var first = Json("links", "list", "--status", "linked", "--limit", "1").GetProperty("links")[0];
        var id = first.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("amina", first.GetProperty("created_by").GetString());
        var rejected = _cli.Run("links", "reject", id, "--reason", "two attacks", "--by", "amina");
        Assert.Equal(0, rejected.ExitCode);
        Assert.Contains($"link {id} rejected", rejected.Output, StringComparison.Ordinal);

        var again = Json("links", "build", "--dataset", "pbc-suicide", "--dataset", "ucdp-ged");
        Assert.Equal((0, 1), (again.GetProperty("linked").GetInt32(), again.GetProperty("skipped_rejected").GetInt32()));

        var undo = _cli.Run("links", "undo", "--dataset", "ucdp-ged", "--dataset", "pbc-suicide");
        Assert.Equal(0, undo.ExitCode);
        var left = Json("links", "list");
        Assert.Equal(1, left.GetProperty("total").GetInt32());
        Assert.Equal("rejected", left.GetProperty("links")[0].GetProperty("status").GetString());
    }

    [Theory]
    [InlineData(ExitCodes.Usage, "links", "build", "--dataset", "nope", "--dataset", "ucdp-ged")]
    [InlineData(ExitCodes.Usage, "links", "build", "--dataset", "ucdp-ged", "--dataset", "ucdp-ged")]
    [InlineData(ExitCodes.Usage, "links", "build", "--dataset", "ucdp-ged")]
    [InlineData(ExitCodes.Usage, "links", "build", "--dataset", "pbc-suicide", "--dataset", "ucdp-ged", "--window-days", "99")]
    [InlineData(ExitCodes.Usage, "links", "list", "--status", "maybe")]
    [InlineData(ExitCodes.Usage, "links", "confirm", "abc")]
    [InlineData(ExitCodes.Usage, "links", "reject", "0")]
    [InlineData(ExitCodes.NotFound, "links", "confirm", "424242")]
    public void Bad_input_gets_a_clear_error_and_its_exit_code(int code, params string[] args)
    {
        var r = _cli.Run(args);
        Assert.Equal(code, r.ExitCode);
        Assert.StartsWith("vigil: ", r.Error, StringComparison.Ordinal);
        Assert.Equal(0, JsonDocument.Parse(_cli.Run("links", "list", "--json").Output).RootElement.GetProperty("total").GetInt32());
    }
}

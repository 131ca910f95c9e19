using Vigil.TestSupport;

namespace Vigil.Cli.Tests;

/// <summary><c>vigil check</c> reading claims: standard input, and unknown fields refused at their place.</summary>
public sealed class CheckCommandTests : IDisposable
{
    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void File_dash_reads_the_claims_from_standard_input()
    {
        Assert.Equal(0, _cli.Run("import", RepoFiles.BundledUcdp).ExitCode);

        var result = _cli.RunWithInput("""{"metric": "killed", "period": "2014-06", "value": 1}""", "check", "--file", "-", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"verdict\"", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("does not have a name", result.Error + result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_field_in_the_claims_json_is_refused_with_its_path_line_and_column()
    {
        var file = _cli.Dir.File("claims.json");
        File.WriteAllText(file, "[\n  {\"metric\": \"killed\", \"period\": \"2014-06\", \"value\": 1},\n  {\"metric\": \"killed\", \"period\": \"2014-06\",\n   \"scope\": {\"provnce\": \"Sindh\"}, \"value\": 1}\n]\n");

        var result = _cli.Run("check", "--file", file);

        Assert.NotEqual(0, result.ExitCode);
        var message = result.Error + result.Output;
        Assert.Contains("claims.json:4:14: $[1].scope.provnce: unknown field", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_field_read_from_standard_input_names_standard_input()
    {
        var result = _cli.RunWithInput("""{"metric": "killed", "period": "2014-06", "datset": "ucdp-ged"}""", "check", "--file", "-");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("standard input:1:43: $.datset: unknown field", result.Error + result.Output, StringComparison.Ordinal);
    }
}

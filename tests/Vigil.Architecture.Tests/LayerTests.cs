namespace Vigil.Architecture.Tests;

public sealed class LayerTests
{
    private static string Src()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Vigil.slnx")))
            dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Vigil.slnx not found above the test's folder"), "src");
    }

    [Fact]
    public void Every_project_references_only_what_its_layer_allows()
    {
        var violations = LayerRules.Violations(Src());
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void The_rules_catch_a_deliberate_bad_reference()
    {
        using var copy = new LayoutCopy(Src());
        Assert.Empty(LayerRules.Violations(copy.Path));

        copy.AddReference("Vigil.Application", "Vigil.Storage.Sqlite");
        copy.AddReference("Vigil.Domain", "Vigil.Storage");
        var violations = LayerRules.Violations(copy.Path);

        Assert.Contains(violations, v => v.StartsWith("Vigil.Application references Vigil.Storage.Sqlite, which it may not", StringComparison.Ordinal));
        Assert.Contains("Vigil.Application reaches Vigil.Storage.Relational through its references", violations);
        Assert.Contains(violations, v => v.StartsWith("Vigil.Domain references Vigil.Storage, which it may not (allowed: nothing)", StringComparison.Ordinal));
    }

    [Fact]
    public void The_rules_catch_the_cli_reaching_into_the_server_outside_hosting()
    {
        using var copy = new LayoutCopy(Src());
        copy.Write("Vigil.Cli/Commands/Sneaky.cs", "using Vigil.Server.Auth;\nnamespace Vigil.Cli.Commands;\n");
        Assert.Contains(LayerRules.Violations(copy.Path), v => v.Contains("Sneaky.cs names Vigil.Server", StringComparison.Ordinal));
    }

    [Fact]
    public void The_rules_catch_the_dashboard_referencing_the_server()
    {
        using var copy = new LayoutCopy(Src());
        copy.AddReference("Vigil.Dashboard", "Vigil.Server");
        var violations = LayerRules.Violations(copy.Path);
        Assert.Contains(violations, v => v.StartsWith("Vigil.Dashboard references Vigil.Server, which it may not", StringComparison.Ordinal));
        Assert.Contains("Vigil.Dashboard reaches Vigil.Server through its references", violations);
    }

    [Fact]
    public void The_rules_catch_the_cli_naming_the_hosting_pieces_outside_hosting()
    {
        using var copy = new LayoutCopy(Src());
        copy.Write("Vigil.Cli/Commands/Sneaky.cs", "using Vigil.Web.Auth;\nnamespace Vigil.Cli.Commands;\n");
        Assert.Contains(LayerRules.Violations(copy.Path), v => v.Contains("Sneaky.cs names Vigil.Web", StringComparison.Ordinal));
    }

    [Fact]
    public void A_project_missing_from_the_layer_table_is_a_violation()
    {
        using var copy = new LayoutCopy(Src());
        copy.Write("Vigil.Newcomer/Vigil.Newcomer.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"></Project>");
        Assert.Contains(LayerRules.Violations(copy.Path), v => v.StartsWith("Vigil.Newcomer: not in the layer table", StringComparison.Ordinal));
    }

    /// <summary>The project files of src/ (and the CLI's sources) copied to a temporary folder, to break on purpose.</summary>
    private sealed class LayoutCopy : IDisposable
    {
        public LayoutCopy(string src)
        {
            Path = Directory.CreateTempSubdirectory("vigil-layers-").FullName;
            foreach (var project in Directory.GetFiles(src, "*.csproj", SearchOption.AllDirectories))
                Write(System.IO.Path.GetRelativePath(src, project), File.ReadAllText(project));
        }

        public string Path { get; }

        public void Write(string relative, string text)
        {
            var file = System.IO.Path.Combine(Path, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text);
        }

        public void AddReference(string project, string referenced)
        {
            var file = System.IO.Path.Combine(Path, project, project + ".csproj");
            var text = File.ReadAllText(file).Replace("</Project>",
                $"  <ItemGroup><ProjectReference Include=\"..\\{referenced}\\{referenced}.csproj\" /></ItemGroup>\n</Project>", StringComparison.Ordinal);
            File.WriteAllText(file, text);
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}

using System.Xml.Linq;

namespace Vigil.Architecture.Tests;

/// <summary>
/// Which project under src/ may reference which (directly), and the rules that follow from the layers:
/// the domain references nothing; the storage ports only the domain; the application layer the domain, the
/// ports and the core libraries, never a storage back-end or an adapter; the adapters (CLI, server, dashboard) the
/// application layer; the HTTP hosting pieces (Vigil.Web) are shared by the server and the dashboard, and the
/// dashboard never reaches the server; the CLI the server only to host it.
/// </summary>
public static class LayerRules
{
    private const string Domain = "Vigil.Domain", Geo = "Vigil.Geo", Ports = "Vigil.Storage", Relational = "Vigil.Storage.Relational",
        Sqlite = "Vigil.Storage.Sqlite", Postgres = "Vigil.Storage.Postgres", Backends = "Vigil.Storage.Backends",
        Ingestion = "Vigil.Ingestion", Statistics = "Vigil.Statistics", Accountability = "Vigil.Accountability", Reports = "Vigil.Reports",
        Extraction = "Vigil.Extraction", Application = "Vigil.Application", Web = "Vigil.Web", Dashboard = "Vigil.Dashboard", Server = "Vigil.Server",
        Cli = "Vigil.Cli";

    private static readonly string[] Core = [Domain, Geo, Ports, Ingestion, Statistics, Accountability, Reports, Extraction];

    /// <summary>The projects each project may reference directly. A project not listed here is itself a violation.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [Domain] = [],
        [Geo] = [Domain],
        [Ports] = [Domain],
        [Relational] = [Ports],
        [Sqlite] = [Relational],
        [Postgres] = [Relational],
        [Backends] = [Sqlite, Postgres],
        [Ingestion] = [Ports, Geo],
        [Statistics] = [Ports, Geo],
        [Accountability] = [Statistics],
        [Reports] = [Geo, Statistics, Accountability],
        [Extraction] = [Domain, Geo],
        [Application] = Core,
        // The HTTP hosting pieces (options, store access, sign-in, policies); Backends only to open the database.
        [Web] = [Application, .. Core, Backends],
        // The adapters: the application layer and the core types they render.
        [Dashboard] = [Web, Application, .. Core],
        [Server] = [Web, Dashboard, Application, .. Core, Backends],
        [Cli] = [Application, .. Core, Backends, Server],
    };

    /// <summary>Projects that must never be reached, even transitively, from a project.</summary>
    private static readonly Dictionary<string, string[]> NeverReached = new(StringComparer.Ordinal)
    {
        [Domain] = [Ports, Relational, Server, Cli, Application],
        [Application] = [Relational, Sqlite, Postgres, Backends, Server, Cli],
        [Web] = [Dashboard, Server, Cli],
        [Dashboard] = [Server, Cli],
        [Server] = [Cli],
    };

    /// <summary>Every broken rule in the source tree at <paramref name="src"/>, one line each (empty when the layers hold).</summary>
    public static IReadOnlyList<string> Violations(string src)
    {
        var graph = Directory.GetDirectories(src)
            .Select(d => Path.Combine(d, Path.GetFileName(d) + ".csproj"))
            .Where(File.Exists)
            .ToDictionary(p => Path.GetFileNameWithoutExtension(p), References, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (project, references) in graph.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!Allowed.TryGetValue(project, out var allowed))
            {
                problems.Add($"{project}: not in the layer table; add it to LayerRules.Allowed with the projects it may reference");
                continue;
            }
            foreach (var reference in references.Where(r => !allowed.Contains(r, StringComparer.Ordinal)))
                problems.Add($"{project} references {reference}, which it may not (allowed: {(allowed.Length == 0 ? "nothing" : string.Join(", ", allowed))})");
        }
        foreach (var (project, forbidden) in NeverReached)
        {
            var reached = Closure(graph, project);
            foreach (var f in forbidden.Where(reached.Contains))
                problems.Add($"{project} reaches {f} through its references");
        }
        problems.AddRange(CliHostsServerOnly(src));
        return problems;
    }

    /// <summary>The assemblies of the HTTP host, which the CLI names only in the command that hosts it.</summary>
    private static readonly string[] HostOnly = [Server, Web, Dashboard];

    /// <summary>The CLI names the server (and its hosting pieces) only in the command that hosts it.</summary>
    private static IEnumerable<string> CliHostsServerOnly(string src)
    {
        var cli = Path.Combine(src, Cli);
        if (!Directory.Exists(cli))
            yield break;
        foreach (var file in Directory.EnumerateFiles(cli, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                              && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            if (Path.GetFileName(file) == "ServeCommand.cs")
                continue;
            var text = File.ReadAllText(file);
            foreach (var host in HostOnly.Where(h => text.Contains(h, StringComparison.Ordinal)))
                yield return $"{Path.GetRelativePath(src, file)} names {host}; only the hosting command (ServeCommand.cs) may";
        }
    }

    private static string[] References(string csproj) =>
        [.. XDocument.Load(csproj).Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/')))];

    private static HashSet<string> Closure(Dictionary<string, string[]> graph, string start)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(graph.GetValueOrDefault(start) ?? []);
        while (stack.TryPop(out var p))
        {
            if (seen.Add(p))
            {
                foreach (var r in graph.GetValueOrDefault(p) ?? [])
                    stack.Push(r);
            }
        }
        return seen;
    }
}

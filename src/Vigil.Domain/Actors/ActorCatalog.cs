using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;
using Vigil.Domain.Text;

namespace Vigil.Domain.Actors;

/// <summary>
/// The alias table: resolves the names datasets and news use ("Tehrik-i-Taliban Pakistan", "TTP",
/// "Pakistani Taliban", ACLED's "TTP: Tehreek-i-Taliban Pakistan", GTD's "Tehrik-i-Taliban Pakistan (TTP)")
/// to one canonical actor. Names are compared by <see cref="NameKey"/>. Ambiguous names ("Taliban", which
/// may mean the Afghan Taliban or the TTP) are deliberately absent and stay unresolved.
/// </summary>
public sealed partial class ActorCatalog
{
    private readonly Dictionary<string, Actor> _byKey = new(StringComparer.Ordinal);
    private const int MaxCached = 50_000;
    private readonly ConcurrentDictionary<string, Actor?> _resolved = new(StringComparer.Ordinal);

    public ActorCatalog(IEnumerable<Actor> actors)
    {
        Actors = actors.ToList();
        foreach (var actor in Actors)
        {
            foreach (var name in actor.Aliases.Prepend(actor.Name))
            {
                var key = NameKey.Of(name);
                if (_byKey.TryGetValue(key, out var other) && other.Name != actor.Name)
                    throw new VigilException($"actor alias '{name}' is given for both {other.Name} and {actor.Name}");
                _byKey[key] = actor;
            }
        }
    }

    public IReadOnlyList<Actor> Actors { get; }

    /// <summary>The catalog shipped with Vigil (data/actors/actors.csv).</summary>
    public static ActorCatalog Bundled => LazyBundled.Value;

    private static readonly Lazy<ActorCatalog> LazyBundled = new(() =>
    {
        using var stream = typeof(ActorCatalog).Assembly.GetManifestResourceStream("Vigil.Domain.actors.csv")
            ?? throw new InvalidOperationException("the bundled actor list is missing from the assembly");
        using var reader = new StreamReader(stream);
        return Parse(reader, "actors.csv");
    });

    /// <summary>
    /// Reads <c>name,kind,parent,aliases[,state_from]</c> lines (aliases separated by '|', no quoting; state_from a
    /// YYYY-MM-DD day an armed group became the de facto state, or empty).
    /// </summary>
    public static ActorCatalog Parse(TextReader reader, string fileName)
    {
        var actors = new List<Actor>();
        var header = reader.ReadLine();
        var withStateFrom = header?.Trim() == "name,kind,parent,aliases,state_from";
        if (header?.Trim() != "name,kind,parent,aliases" && !withStateFrom)
            throw new InputException(new InputLocation(fileName, 1, 1), "expected the header name,kind,parent,aliases (and optionally state_from)");
        var lineNo = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0)
                continue;
            var parts = line.Split(',');
            if (parts.Length != 4 && !(withStateFrom && parts.Length == 5))
                throw new InputException(new InputLocation(fileName, lineNo, 1), $"expected {(withStateFrom ? "4 or 5" : "4")} fields, found {parts.Length}");
            DateOnly? stateFrom = null;
            if (parts.Length == 5 && parts[4].Trim().Length > 0)
            {
                stateFrom = DateOnly.TryParseExact(parts[4].Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
                    ? day
                    : throw new InputException(new InputLocation(fileName, lineNo, line.LastIndexOf(',') + 2, "state_from"), $"'{parts[4].Trim()}' is not a date in the form YYYY-MM-DD");
            }
            if (!EnumText<ActorKind>.TryParse(parts[1], out var kind))
                throw new InputException(new InputLocation(fileName, lineNo, parts[0].Length + 2, "kind"),
                    $"'{parts[1]}' is not one of: {string.Join(", ", EnumText<ActorKind>.All)}");
            actors.Add(new Actor(parts[0].Trim(), kind, parts[2].Length == 0 ? null : parts[2].Trim(),
                parts[3].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            { StateFrom = stateFrom });
        }
        return new ActorCatalog(actors);
    }

    /// <summary>The canonical actor a name stands for, or null when the name is not known or is ambiguous.</summary>
    public Actor? Resolve(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return null;
        if (_resolved.TryGetValue(name, out var known))
            return known;
        var found = Candidates(name).Select(c => _byKey.GetValueOrDefault(NameKey.Of(c))).FirstOrDefault(a => a is not null);
        // The cache is for the names data files repeat; names from requests (any string a caller sends) must
        // not grow it without bound.
        if (_resolved.Count < MaxCached)
            _resolved.TryAdd(name, found);
        return found;
    }

    /// <summary>An actor reference keeping the raw name beside the canonical one; null for an empty name.</summary>
    public ActorRef? Ref(string? raw) =>
        string.IsNullOrWhiteSpace(raw) ? null : new ActorRef(Resolve(raw)?.Name, raw.Trim());

    /// <summary>
    /// The forms to try, most specific first: the whole name; without trailing parentheses
    /// ("Military Forces of Pakistan (2018-)"); what is inside them ("... (TTP)"); each side of a colon
    /// (ACLED's "TTP: Tehreek-i-Taliban Pakistan").
    /// </summary>
    private static IEnumerable<string> Candidates(string name)
    {
        yield return name;
        var m = Parenthesised().Match(name);
        if (m.Success)
        {
            yield return m.Groups["outside"].Value;
            yield return m.Groups["inside"].Value;
        }
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            yield return name[..colon];
            yield return name[(colon + 1)..];
        }
    }

    [GeneratedRegex(@"^(?<outside>[^(]+)\((?<inside>[^)]*)\)\s*$")]
    private static partial Regex Parenthesised();
}

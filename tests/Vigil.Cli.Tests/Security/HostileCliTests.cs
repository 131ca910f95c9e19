using System.Reflection;
using Spectre.Console.Cli;
using Vigil.Cli.Commands;
using Vigil.Cli.Commands.Accountability;
using Vigil.Cli.Commands.Datasets;
using Vigil.Cli.Infrastructure;
using Vigil.TestSupport.Hostile;

namespace Vigil.Cli.Tests.Security;

/// <summary>
/// The CLI's option parsers and importers fed generated hostile values (the same generator as the server's
/// suite): the property is that no input makes the CLI fail with "internal error" (exit code 1).
/// </summary>
public sealed class HostileCliTests : IDisposable
{
    private readonly Cli _cli = new();

    public HostileCliTests()
    {
        var seed = _cli.Dir.File("seed.csv");
        File.WriteAllText(seed, "dataset,source_id,date_start,event_type,admin1,admin2,perpetrator,killed_best\nt,1,2020-01-05,bombing,Sindh,Karachi,TTP,3\nt,2,2020-02-05,bombing,Balochistan,Quetta,ISKP,5\n");
        Assert.Equal(ExitCodes.Success, _cli.Run("import", seed).ExitCode);
    }

    /// <summary>The verbs fuzzed: their words, the settings class whose options are fuzzed, and arguments they need.</summary>
    private static readonly (string[] Verb, Type Settings, string[] Needed)[] Verbs =
    [
        (["incidents", "list"], typeof(IncidentsListCommand.Settings), []),
        (["export"], typeof(ExportCommand.Settings), ["--format", "csv"]),
        (["summary"], typeof(SummaryCommand.Settings), []),
        (["stats", "series"], typeof(StatsSeriesCommand.Settings), []),
        (["check"], typeof(CheckCommand.Settings), ["--metric", "killed", "--value", "3", "--period", "2020-01"]),
        (["report", "monthly"], typeof(ReportMonthlyCommand.Settings), ["--format", "markdown"]),
        (["crossings", "status", "torkham"], typeof(CrossingsStatusCommand.Settings), []),
        // Not a query, but every value it takes is text an analyst types.
        (["datasets", "edit", "t"], typeof(DatasetsEditCommand.Settings), []),
    ];

    private static readonly HashSet<string> NotFuzzed = new(StringComparer.Ordinal) { "db", "out", "file" };

    private static IEnumerable<string> ValueOptions(Type settings) =>
        settings.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.GetCustomAttribute<CommandOptionAttribute>())
            .Where(a => a is { ValueName: not null } && a.LongNames.Count > 0 && !NotFuzzed.Contains(a.LongNames[0]))
            .Select(a => "--" + a!.LongNames[0]);

    [Fact]
    public void Every_option_of_the_query_verbs_fuzzed_never_gives_an_internal_error()
    {
        var tally = new RequestTally("hostile input (CLI options)", "runs");
        var values = HostileValues.For(1, count: 2).Where((_, i) => i % 3 == 0).Append("9999-12").Append("0001-01-01").Append("NaN").ToList();
        foreach (var (verb, settings, needed) in Verbs)
        {
            foreach (var option in ValueOptions(settings))
            {
                foreach (var value in values)
                {
                    var args = verb.Concat(needed.Chunk(2).Where(pair => pair[0] != option).SelectMany(p => p)).Concat([option, value]).ToList();
                    if (verb[0] == "report")
                        args.AddRange(["--out", _cli.Dir.File("report.md")]);
                    var result = _cli.Run([.. args]);
                    var violation = result.ExitCode == ExitCodes.InternalError || result.Error.Contains("internal error", StringComparison.Ordinal)
                        ? Clip(result.Error)
                        : null;
                    tally.Add($"vigil {string.Join(' ', verb)} {option} {Clip(value, 40)}", result.ExitCode == ExitCodes.InternalError ? 500 : result.ExitCode, violation);
                }
            }
        }
        tally.Report(" (exit code 1 counted as 5xx)");

        Assert.True(tally.Violations.Count == 0, string.Join("\n", tally.Violations));
        Assert.True(tally.Sent > 300, $"only {tally.Sent} runs");
    }

    [Fact]
    public void Every_cell_of_an_imported_file_fuzzed_never_gives_an_internal_error()
    {
        string[] columns = ["dataset", "source_id", "date_start", "date_end", "event_type", "admin1", "admin2", "perpetrator", "target", "killed_best", "injured_low", "latitude", "longitude", "sources"];
        string[] good = ["f", "1", "2020-01-05", "2020-01-05", "bombing", "Sindh", "Karachi", "TTP", "police", "3", "1", "24.8", "67.0", ""];
        var tally = new RequestTally("hostile input (CLI import cells)", "runs");
        // The UTF-8 of each value (a lone surrogate as U+FFFD), and bytes that are not UTF-8 at all.
        var values = HostileValues.For(2, count: 2).Where((_, i) => i % 2 == 0).Append(InvalidUtf8).ToList();
        var file = _cli.Dir.File("fuzz.csv");
        for (var c = 0; c < columns.Length; c++)
        {
            foreach (var value in values)
            {
                var row = good.ToArray();
                row[c] = value;
                var bytes = System.Text.Encoding.UTF8.GetBytes(string.Join(",", columns) + "\n" + string.Join(",", row.Select(Quote)) + "\n");
                File.WriteAllBytes(file, [.. ReplaceMarker(bytes)]);
                var result = _cli.Run("import", file, "--format", "vigil-csv");
                var violation = result.ExitCode is not (ExitCodes.Success or ExitCodes.BadInput) || result.Error.Contains("internal error", StringComparison.Ordinal)
                    ? $"exit {result.ExitCode}: {Clip(result.Error)}"
                    : null;
                tally.Add($"vigil import ({columns[c]} = {Clip(value, 40)})", result.ExitCode == ExitCodes.InternalError ? 500 : result.ExitCode, violation);
            }
        }
        tally.Report(" (exit code 1 counted as 5xx)");

        Assert.True(tally.Violations.Count == 0, string.Join("\n", tally.Violations));
    }

    private const string InvalidUtf8 = "<<invalid-utf8>>";

    /// <summary>Puts bytes that are not UTF-8 (a surrogate's WTF-8, a stray 0xFF) where the marker is.</summary>
    private static IEnumerable<byte> ReplaceMarker(byte[] bytes)
    {
        var marker = System.Text.Encoding.UTF8.GetBytes(InvalidUtf8);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes.AsSpan(i).StartsWith(marker))
            {
                foreach (var b in new byte[] { 0xED, 0xA0, 0x80, 0xFF, 0xC0 })
                    yield return b;
                i += marker.Length - 1;
                continue;
            }
            yield return bytes[i];
        }
    }

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Clip(string text, int max = 300) => text.Length <= max ? text : text[..max] + "...";

    public void Dispose() => _cli.Dispose();
}

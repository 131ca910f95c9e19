using System.Globalization;
using Vigil.Cli;
using Vigil.Cli.Infrastructure;
using Vigil.Domain.Errors;
using Vigil.Domain.Revisions;
using Vigil.Storage;
using Vigil.Storage.Backends;

// The process the reliability tests kill. "cli ARGS..." runs the real `vigil` command line (imports);
// "edits DATABASE SEED" edits incidents in a loop and prints "ACK id revision note" after each commit.
if (args.Length > 0 && args[0] == "cli")
    return VigilCli.Run(args[1..], CliOutput.FromProcessConsole());

if (args.Length == 3 && args[0] == "edits")
{
    var random = new Random(int.Parse(args[2], CultureInfo.InvariantCulture));
    using var db = DatabaseLocation.Parse(args[1]).Open();
    var store = db.Incidents;
    var ids = store.QueryIds(IncidentQuery.All);
    var stdout = Console.Out;
    for (var n = 0; ; n++)
    {
        var id = ids[random.Next(ids.Count)];
        var current = store.Find(id)!;
        var note = $"edit {args[2]}-{n}";
        try
        {
            var saved = store.Update(current with { Notes = note }, current.Revision, new ChangeContext($"worker:{args[2]}", "reliability test"));
            stdout.WriteLine($"ACK {id} {saved.Revision} {note}");
            stdout.Flush();
        }
        catch (ConcurrencyException)
        {
            // Another worker edited it between our read and our write: nothing was written; go on.
        }
    }
}

Console.Error.WriteLine("usage: worker cli ARGS... | worker edits DATABASE SEED");
return 2;

using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Application.Sources;
using Vigil.Cli.Commands.Datasets;
using Vigil.Cli.Infrastructure;
using Vigil.Domain.Errors;
using Vigil.Domain.Sources;

namespace Vigil.Cli.Commands.Sources;

/// <summary><c>vigil sources list</c>: every registry entry with its type, side and reliability; the datasets of the database among them.</summary>
public sealed class SourcesListCommand(CliOutput output, TimeProvider clock) : Command<SourcesListCommand.Settings>
{
    public sealed class Settings : TableSettings
    {
        [CommandOption("--json")]
        [Description("Print as JSON (as GET /api/v1/sources).")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var db = settings.OpenStore(clock);
        var sources = db.Sources.List();
        if (settings.Json)
        {
            output.Out.WriteLine(DatasetView.Json(new { sources = sources.Select(SourceJson.Of) }));
            return ExitCodes.Success;
        }
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn(new TableColumn("key").NoWrap()).AddColumn("name").AddColumn("type").AddColumn("party side").AddColumn("reliability").AddColumn("notes");
        foreach (var s in sources)
        {
            table.AddRow(Markup.Escape(s.Key), Markup.Escape(s.Name), Domain.Text.EnumText<SourceType>.Format(s.Type), Markup.Escape(s.PartySide ?? ""),
                s.Reliability.ToString(), Markup.Escape(s.Notes ?? ""));
        }
        output.Write(table, "notes");
        output.Out.WriteLine("reliability: " + string.Join("; ", Reliability.Meanings) + ". A party's figures are claims, kept apart (docs/method.md).");
        return ExitCodes.Success;
    }
}

/// <summary><c>vigil sources show KEY</c>: one entry (by key, name or alias) and every edit of it.</summary>
public sealed class SourcesShowCommand(CliOutput output, TimeProvider clock) : Command<SourcesShowCommand.Settings>
{
    public sealed class Settings : DatabaseSettings
    {
        [CommandArgument(0, "<KEY>")]
        [Description("The source's key, name or an alias, in any case.")]
        public string Key { get; init; } = "";

        [CommandOption("--json")]
        [Description("Print as JSON (as GET /api/v1/sources/KEY).")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var db = settings.OpenStore(clock);
        var entry = db.Sources.Find(settings.Key) ?? throw new NotFoundException($"source '{settings.Key}'");
        var history = db.Sources.History(entry.Key);
        if (settings.Json)
        {
            output.Out.WriteLine(DatasetView.Json(new SourceDetailJson(SourceJson.Of(entry), [.. history.Select(SourceChangeJson.Of)])));
            return ExitCodes.Success;
        }
        SourcesView.Write(output, entry);
        if (history.Count == 0)
        {
            output.Out.WriteLine("history: none (a dataset of the database, not yet graded)");
            return ExitCodes.Success;
        }
        var table = new Table().Title("History").Border(TableBorder.Simple).AddColumn("when").AddColumn("who").AddColumn("change").AddColumn("why");
        foreach (var change in history)
        {
            table.AddRow(change.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(change.Author),
                Markup.Escape(SourcesView.Describe(change)), Markup.Escape(change.Reason ?? ""));
        }
        output.Write(table, "why");
        return ExitCodes.Success;
    }
}

/// <summary><c>vigil sources add KEY --name ... --type ...</c>: a new registry entry, with its history's first row.</summary>
public sealed class SourcesAddCommand(CliOutput output, TimeProvider clock) : Command<SourceEditSettings>
{
    public override int Execute(CommandContext context, SourceEditSettings settings, CancellationToken cancellationToken)
    {
        return SourcesView.Save(output, clock, settings, (editing, edit) => editing.Add(settings.Key, edit, settings.Who, settings.Reason));
    }
}

/// <summary>
/// <c>vigil sources edit KEY --reliability B ...</c>: changes only what is given, records who, when and why, and grades
/// again the incidents that cite the source. A dataset's implied entry becomes an entry of its own.
/// </summary>
public sealed class SourcesEditCommand(CliOutput output, TimeProvider clock) : Command<SourceEditSettings>
{
    public override int Execute(CommandContext context, SourceEditSettings settings, CancellationToken cancellationToken)
    {
        return SourcesView.Save(output, clock, settings, (editing, edit) => editing.Edit(settings.Key, edit, settings.Who, settings.Reason));
    }
}

/// <summary>How the sources commands print an entry and a change.</summary>
internal static class SourcesView
{
    /// <summary>Adds or edits an entry as the settings give it and prints it; a value refused is a usage error naming its option.</summary>
    public static int Save(CliOutput output, TimeProvider clock, SourceEditSettings settings, Func<SourceRegistryEditing, SourceEdit, SourceEntry> save)
    {
        using var db = settings.OpenStore(clock);
        SourceEntry saved;
        try
        {
            saved = save(new SourceRegistryEditing(db), settings.ToEdit());
        }
        catch (FieldException e)
        {
            return SourceEditSettings.Usage(output, e);
        }
        Print(output, saved, settings.Json);
        return ExitCodes.Success;
    }

    public static void Print(CliOutput output, SourceEntry entry, bool json)
    {
        if (json)
            output.Out.WriteLine(DatasetView.Json(SourceJson.Of(entry)));
        else
            Write(output, entry);
    }

    public static void Write(CliOutput output, SourceEntry e)
    {
        var j = SourceJson.Of(e);
        output.Out.WriteLine($"{j.Key}: {j.Name}");
        output.Out.WriteLine($"  type: {j.Type}{(j.PartySide is null ? "" : $" ({j.PartySide})")}");
        output.Out.WriteLine($"  reliability: {j.ReliabilityMeaning}");
        if (j.Aliases.Count > 0)
            output.Out.WriteLine($"  aliases: {string.Join(", ", j.Aliases)}");
        if (j.Notes is not null)
            output.Out.WriteLine($"  notes: {j.Notes}");
    }

    public static string Describe(SourceEntryChange c)
    {
        if (c.Before is null)
            return $"added: {Domain.Text.EnumText<SourceType>.Format(c.After.Type)}, reliability {c.After.Reliability}";
        var parts = new List<string>();
        if (c.Before.Name != c.After.Name) parts.Add($"name '{c.Before.Name}' → '{c.After.Name}'");
        if (c.Before.Type != c.After.Type) parts.Add($"type {Domain.Text.EnumText<SourceType>.Format(c.Before.Type)} → {Domain.Text.EnumText<SourceType>.Format(c.After.Type)}");
        if (c.Before.PartySide != c.After.PartySide) parts.Add($"side '{c.Before.PartySide}' → '{c.After.PartySide}'");
        if (c.Before.Reliability != c.After.Reliability) parts.Add($"reliability {c.Before.Reliability} → {c.After.Reliability}");
        if (!c.Before.Aliases.SequenceEqual(c.After.Aliases)) parts.Add($"aliases {string.Join(", ", c.After.Aliases)}");
        if (c.Before.Notes != c.After.Notes) parts.Add("notes");
        return parts.Count == 0 ? "saved unchanged" : string.Join("; ", parts);
    }
}

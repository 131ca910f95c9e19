using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Application.Reference;
using Vigil.Application.Reports;
using Vigil.Cli.Infrastructure;
using Vigil.Domain.Time;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil report notes</c>: the analysts' key findings of a month's assessment for a scope — print them, their
/// history, or save a new version from a Markdown file (or standard input) — printed first in every format.
/// </summary>
public sealed class ReportNotesCommand(CliOutput output, TimeProvider clock, ReferenceData reference) : Command<ReportNotesCommand.Settings>
{
    public sealed class Settings : DatabaseSettings
    {
        [CommandOption("--month <YYYY-MM>")]
        [Description("The month the findings are for (required).")]
        public string? Month { get; init; }

        [CommandOption("--country <NAME>")]
        [Description("Country (default Pakistan).")]
        public string Country { get; init; } = "Pakistan";

        [CommandOption("--province <NAME>")]
        [Description("The province the assessment is limited to, as for vigil report monthly.")]
        public string? Province { get; init; }

        [CommandOption("--dataset <NAME>")]
        [Description("The datasets of the assessment, as for vigil report monthly (findings belong to one scope: month, places and datasets).")]
        public string[] Datasets { get; init; } = [];

        [CommandOption("--set <FILE>")]
        [Description("Save a new version from a Markdown file ('-' reads standard input); an empty file clears them. Earlier versions are kept.")]
        public string? Set { get; init; }

        [CommandOption("--history")]
        [Description("List every saved version, newest first.")]
        public bool History { get; init; }

        [CommandOption("--by <NAME>")]
        [Description("Who writes them, with --set (default: the user name).")]
        public string? By { get; init; }

        public override ValidationResult Validate()
        {
            if (Month is null || !Period.TryParse(Month, out var p) || p.Unit != PeriodUnit.Month)
                return ValidationResult.Error($"--month: give the month the findings are for (YYYY-MM){(Month is null ? "" : $"; '{Month}' is not one")}");
            if (Set is not null && History)
                return ValidationResult.Error("give --set or --history, not both");
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        string? text = null;
        if (settings.Set is { } file)
        {
            if (file != "-" && !File.Exists(file))
            {
                output.Error.WriteLine($"vigil: {file}: no such file");
                return ExitCodes.NotFound;
            }
            text = file == "-" ? Console.In.ReadToEnd() : File.ReadAllText(file);
        }
        using var db = settings.OpenStore(clock);
        var notes = new ReportNotes(db, reference, clock);
        var request = new MonthlyReportRequest { Month = settings.Month, Country = settings.Country, Province = settings.Province, Datasets = settings.Datasets };
        if (text is not null)
        {
            var saved = OptionErrors.Named(() => notes.Save(request, text, settings.By ?? Environment.UserName));
            output.Console.MarkupLine(saved.Markdown.Length == 0
                ? $"[green]cleared[/] the key findings for {Markup.Escape(saved.Month)}, {Markup.Escape(saved.ScopeLabel)} (version {saved.Id} kept in the history)"
                : $"[green]saved[/] the key findings for {Markup.Escape(saved.Month)}, {Markup.Escape(saved.ScopeLabel)} (version {saved.Id}, {saved.Markdown.Length:N0} characters)");
            return ExitCodes.Success;
        }
        if (settings.History)
        {
            var versions = OptionErrors.Named(() => notes.History(request));
            if (versions.Count == 0)
                output.Console.WriteLine("No key findings were written for this month and scope.");
            foreach (var v in versions)
                output.Console.WriteLine($"version {v.Id}, {v.SavedAt}, by {v.SavedBy}: {(v.Markdown.Length == 0 ? "(cleared)" : $"{v.Markdown.Length:N0} characters")}");
            return ExitCodes.Success;
        }
        var latest = OptionErrors.Named(() => notes.Latest(request));
        if (latest is null || latest.Markdown.Length == 0)
        {
            output.Console.WriteLine("No key findings were written for this month and scope (write them with --set FILE).");
            return ExitCodes.Success;
        }
        output.Console.WriteLine($"Key findings, {latest.Month}, {latest.ScopeLabel} (version {latest.Id}, saved {latest.SavedAt} by {latest.SavedBy}):");
        output.Console.WriteLine();
        output.Console.Profile.Out.Writer.WriteLine(latest.Markdown);
        return ExitCodes.Success;
    }
}

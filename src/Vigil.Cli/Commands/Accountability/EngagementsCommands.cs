using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Cli.Infrastructure;
using Vigil.Domain.Accountability;
using Vigil.Domain.Errors;
using Vigil.Domain.Text;

namespace Vigil.Cli.Commands.Accountability;

/// <summary><c>vigil engagements list</c>.</summary>
public sealed class EngagementsListCommand(CliOutput output, TimeProvider clock) : Command<JsonSettings>
{
    public override int Execute(CommandContext context, JsonSettings settings, CancellationToken cancellationToken)
    {
        using var access = AccountabilityAccess.Open(settings, clock);
        var engagements = access.Service.Store.GetEngagements();
        if (settings.Json)
        {
            output.Out.WriteLine(JsonSerializer.Serialize(engagements, CliJson.Options));
            return ExitCodes.Success;
        }
        var commitments = access.Service.Store.GetCommitments();
        var table = new Table().Border(TableBorder.Simple).AddColumns("key", "dates", "place", "format", "parties", "commitments", "source");
        foreach (var e in engagements)
        {
            var dates = e.End is { } end && end != e.Start ? $"{e.Start:yyyy-MM-dd} .. {end:yyyy-MM-dd}" : $"{e.Start:yyyy-MM-dd}";
            table.AddRow(Markup.Escape(e.Key) + (e.Sample ? " [yellow](sample)[/]" : ""), dates, Markup.Escape(e.Place ?? ""),
                EnumText<EngagementFormat>.Format(e.Format), Markup.Escape(string.Join(", ", e.Parties)),
                commitments.Count(c => c.EngagementKey == e.Key).ToString(CultureInfo.InvariantCulture),
                Markup.Escape(e.Sources.FirstOrDefault()?.Name ?? ""));
        }
        output.Write(table);
        return ExitCodes.Success;
    }
}

/// <summary><c>vigil engagements add</c>: records one engagement from options.</summary>
public sealed class EngagementsAddCommand(CliOutput output, TimeProvider clock) : Command<EngagementsAddCommand.Settings>
{
    public sealed class Settings : DatabaseSettings
    {
        [CommandOption("--key <KEY>")]
        [Description("A short stable id, for example pak-afg-kabul-2023-02.")]
        public string? Key { get; init; }

        [CommandOption("--start <DATE>")]
        [Description("First day (YYYY-MM-DD).")]
        public string? Start { get; init; }

        [CommandOption("--end <DATE>")]
        [Description("Last day, when it lasted more than one (YYYY-MM-DD).")]
        public string? End { get; init; }

        [CommandOption("--place <PLACE>")]
        public string? Place { get; init; }

        [CommandOption("--party <NAME>")]
        [Description("A party (repeat for each).")]
        public string[] Parties { get; init; } = [];

        [CommandOption("--delegate <NAME>")]
        [Description("A member of a delegation (repeatable).")]
        public string[] Delegation { get; init; } = [];

        [CommandOption("--format <FORMAT>")]
        [Description("visit, talks, phone-call, statement or other (default talks).")]
        public string Format { get; init; } = "talks";

        [CommandOption("--topic <TOPIC>")]
        [Description("A topic (repeatable).")]
        public string[] Topics { get; init; } = [];

        [CommandOption("--outcome <TEXT>")]
        public string? Outcome { get; init; }

        [CommandOption("--source <NAME>")]
        [Description("Where this is reported (publication).")]
        public string? Source { get; init; }

        [CommandOption("--source-date <DATE>")]
        public string? SourceDate { get; init; }

        [CommandOption("--source-url <URL>")]
        public string? SourceUrl { get; init; }

        [CommandOption("--sample")]
        [Description("Mark as illustrative sample data, not a sourced fact.")]
        public bool Sample { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Key) ? ValidationResult.Error("--key is required")
            : !IsDay(Start) ? ValidationResult.Error("--start: give a date as YYYY-MM-DD")
            : End is not null && !IsDay(End) ? ValidationResult.Error("--end: give a date as YYYY-MM-DD")
            : SourceDate is not null && !IsDay(SourceDate) ? ValidationResult.Error("--source-date: give a date as YYYY-MM-DD")
            : Parties.Length == 0 ? ValidationResult.Error("--party: name at least one party (repeat the option for each)")
            : End is not null && Day(End) < Day(Start!) ? ValidationResult.Error("--end: before --start")
            : !EnumText<EngagementFormat>.TryParse(Format, out _) ? ValidationResult.Error($"--format: give one of: {string.Join(", ", EnumText<EngagementFormat>.All)}")
            : ValidationResult.Success();

        internal static bool IsDay(string? text) => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

        internal static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var engagement = new Engagement
        {
            Key = settings.Key!.Trim(),
            Start = Settings.Day(settings.Start!),
            End = settings.End is { } end ? Settings.Day(end) : null,
            Place = settings.Place,
            Parties = settings.Parties,
            Delegation = settings.Delegation,
            Format = EnumText<EngagementFormat>.Parse(settings.Format),
            Topics = settings.Topics,
            Outcome = settings.Outcome,
            Sources = settings.Source is { } s ? [new Citation(s, settings.SourceDate is { } d ? Settings.Day(d) : null, settings.SourceUrl)] : [],
            Sample = settings.Sample,
        };
        if (engagement.Problem() is { } problem)
            throw new VigilException($"--{problem.Field.Replace('_', '-')}: {problem.Problem}");
        using var access = AccountabilityAccess.Open(settings, clock);
        if (access.Service.Store.GetEngagements().Any(e => e.Key == engagement.Key))
            throw new VigilException($"an engagement with key '{engagement.Key}' already exists; import a file to replace it");
        access.Service.Store.Save(new AccountabilitySet { Engagements = [engagement] });
        output.Console.MarkupLine($"[green]added[/] engagement {Markup.Escape(engagement.Key)}");
        return ExitCodes.Success;
    }
}

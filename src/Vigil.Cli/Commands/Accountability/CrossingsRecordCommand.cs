using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Cli.Infrastructure;
using Vigil.Domain.Accountability;
using Vigil.Domain.Border;
using Vigil.Domain.Text;

namespace Vigil.Cli.Commands.Accountability;

/// <summary><c>vigil crossings record KEY --status closed --from DATE</c>: adds one status event to a crossing's history.</summary>
public sealed class CrossingsRecordCommand(CliOutput output, TimeProvider clock) : Command<CrossingsRecordCommand.Settings>
{
    public sealed class Settings : KeySettings
    {
        [CommandOption("--status <STATUS>")]
        [Description("open, closed or partially-open.")]
        public string Status { get; init; } = "";

        [CommandOption("--from <DATE>")]
        [Description("The day the status begins (YYYY-MM-DD); it lasts until the crossing's next event.")]
        public string From { get; init; } = "";

        [CommandOption("--reason <TEXT>")]
        [Description("Why, in a few words (for example \"exchange of fire between border forces\").")]
        public string? Reason { get; init; }

        [CommandOption("--source <NAME>")]
        [Description("Where it was reported (a publication's name).")]
        public string? Source { get; init; }

        [CommandOption("--url <URL>")]
        [Description("The report's address.")]
        public string? Url { get; init; }

        [CommandOption("--published <DATE>")]
        [Description("The report's publication date (YYYY-MM-DD).")]
        public string? Published { get; init; }

        public override ValidationResult Validate()
        {
            if (!EnumText<CrossingStatus>.TryParse(Status, out _))
                return ValidationResult.Error($"--status: '{Status}' is not one of: {string.Join(", ", EnumText<CrossingStatus>.All)}");
            if (Day(From) is null)
                return ValidationResult.Error($"--from: '{From}' is not a date (YYYY-MM-DD)");
            if (Published is not null && Day(Published) is null)
                return ValidationResult.Error($"--published: '{Published}' is not a date (YYYY-MM-DD)");
            return (Url ?? Published) is not null && Source is null ? ValidationResult.Error("--url and --published describe a --source; give it") : ValidationResult.Success();
        }

        public static DateOnly? Day(string? text) =>
            DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var access = AccountabilityAccess.Open(settings, clock);
        var recorded = access.Service.Store.AddStatusEvent(new StatusEvent
        {
            CrossingKey = settings.Key,
            Status = EnumText<CrossingStatus>.Parse(settings.Status),
            From = Settings.Day(settings.From)!.Value,
            Reason = settings.Reason,
            Source = settings.Source is { } name ? new Citation(name, Settings.Day(settings.Published), settings.Url) : null,
        });
        output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{recorded.CrossingKey}: {EnumText<CrossingStatus>.Format(recorded.Status)} from {recorded.From:yyyy-MM-dd} (event {recorded.Sequence})"));
        return ExitCodes.Success;
    }
}

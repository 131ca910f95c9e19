using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Application.Scopes;
using Vigil.Cli.Infrastructure;
using Vigil.Cli.Summary;
using Vigil.Storage;

namespace Vigil.Cli.Commands;

public sealed class SummaryCommand(CliOutput output, TimeProvider clock, ScopeParser scopes) : Command<SummaryCommand.Settings>
{
    public sealed class Settings : FilterSettings
    {
        [CommandOption("--month <YYYY-MM>")]
        [Description("The month to summarise (default: the latest month with incidents).")]
        public string? Month { get; init; }

        [CommandOption("--json")]
        [Description("Print as JSON.")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (Month is not null && !DateOnly.TryParseExact(Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                return ValidationResult.Error($"--month: '{Month}' is not a month in the form YYYY-MM");
            // Outside the calendar Vigil computes on, the month before or a year before would overflow (9999-12, 0001-01).
            if (Month is not null && !Domain.Time.DateBounds.Contains(DateOnly.ParseExact(Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture)))
                return ValidationResult.Error($"--month: '{Month}' is outside the dates Vigil covers: give a month {Domain.Time.DateBounds.Text}");
            return base.Validate();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var db = settings.OpenStore(clock);
        var store = db.Incidents;
        var filter = settings.ToQuery(scopes);
        DateOnly? month = settings.Month is null
            ? MonthlySummary.LatestMonth(store, filter)
            : DateOnly.ParseExact(settings.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (month is null)
        {
            output.Error.WriteLine("vigil: no incidents match; import some first (vigil import FILE, or vigil start for the bundled data)");
            return ExitCodes.NotFound;
        }
        var summary = MonthlySummary.Build(store, filter, month.Value);
        if (settings.Json)
            output.Out.WriteLine(JsonSerializer.Serialize(summary, CliJson.Options));
        else
            SummaryView.Write(output.Console, summary);
        return ExitCodes.Success;
    }
}

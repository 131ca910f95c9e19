using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Application.Reference;
using Vigil.Application.Reports;
using Vigil.Cli.Infrastructure;
using Vigil.Cli.Summary;
using Vigil.Domain.Errors;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil summary</c>: a month against the month before and a year before, on the terminal. It is the monthly
/// assessment's figures (<see cref="MonthlyReports"/>, the one assembly), so the summary and the report never disagree.
/// </summary>
public sealed class SummaryCommand(CliOutput output, TimeProvider clock, ReferenceData reference) : Command<SummaryCommand.Settings>
{
    public sealed class Settings : FilterSettings, ITableFormatSettings
    {
        [CommandOption("--format <FORMAT>")]
        [Description(TableSettings.FormatHelp)]
        public string? TableFormat { get; init; }

        [CommandOption("--month <YYYY-MM>")]
        [Description("The month to summarise (default: the latest month the scope's datasets cover, up to today).")]
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
            if (From is not null || To is not null)
                return ValidationResult.Error("--from/--to: a summary covers one month; give it with --month");
            return base.Validate();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var db = settings.OpenStore(clock, output);
        MonthlyReportResult built;
        try
        {
            built = OptionErrors.Named(() => new MonthlyReports(db, reference, clock).Build(new MonthlyReportRequest
            {
                Month = settings.Month,
                Filters = settings.ToInput(),
                WithAccountability = false,
            }));
        }
        catch (NotFoundException e)
        {
            output.Error.WriteLine($"vigil: {e.Message} (another dataset may have them: --dataset, see vigil datasets; vigil import FILE adds one, vigil start the bundled data)");
            return ExitCodes.NotFound;
        }
        var summary = SummaryJson.Of(built);
        if (settings.Json)
            output.Out.WriteLine(JsonSerializer.Serialize(summary, CliJson.Options));
        else
            SummaryView.Write(output, summary);
        return ExitCodes.Success;
    }
}

using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Application.Reference;
using Vigil.Application.Reports;
using Vigil.Application.Scopes;
using Vigil.Cli.Infrastructure;
using Vigil.Domain.Errors;
using Vigil.Domain.Time;
using Vigil.Geo;
using Vigil.Reports;
using Vigil.Reports.Building;
using Vigil.Statistics;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil report monthly</c>: the monthly security assessment as HTML, PDF or Markdown.</summary>
public sealed class ReportMonthlyCommand(CliOutput output, TimeProvider clock, ReferenceData reference) : Command<ReportMonthlyCommand.Settings>
{
    public sealed class Settings : DatabaseSettings, IAsOfSettings
    {
        [CommandOption(IAsOfSettings.Option)]
        [Description(IAsOfSettings.Help)]
        public string? AsOf { get; init; }

        [CommandOption("--month <YYYY-MM>")]
        [Description("The month to report on (default: the latest month with incidents).")]
        public string? Month { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("html (default: one self-contained file), pdf, or md (Markdown with a folder of PNG charts).")]
        public string Format { get; init; } = "html";

        [CommandOption("--country <NAME>")]
        [Description("Country (default Pakistan). Repeatable: several countries are counted together.")]
        public string[] Countries { get; init; } = [];

        [CommandOption("--province <NAME>")]
        [Description("Limit the report to one province (any spelling Vigil knows).")]
        public string? Province { get; init; }

        [CommandOption("--dataset <NAME>")]
        [Description("The datasets the figures come from (see vigil datasets). Repeatable: several are combined, an event they share counted once, in the order given; 'all' combines every dataset. Default: the primary dataset.")]
        public string[] Datasets { get; init; } = [];

        [CommandOption("--sources <WHICH>")]
        [Description("Which sources killed and injured count: independent (default; party claims left out), all (independent first, the range spanning party claims), party (party claims alone). The scope line says which. See docs/method.md.")]
        public string? Sources { get; init; }

        [CommandOption("--min-grade <GRADE>")]
        [Description("Only incidents graded at least this, worst to best: discounted, contested, weak, fair, confirmed (docs/method.md).")]
        public string? MinGrade { get; init; }

        [CommandOption("-o|--out <FILE>")]
        [Description("Where to write it (default: vigil-report-YYYY-MM[[-place]].EXT in the current folder, the place being the province or the countries other than Pakistan alone). Written whole or not at all.")]
        public string? Out { get; init; }

        [CommandOption("--publish")]
        [Description("Record the report as published: its scope, data version, moment and figures, so that vigil report diff can say what changed since (and regenerating it with --as-of gives the same figures).")]
        public bool Publish { get; init; }

        [CommandOption("--by <NAME>")]
        [Description("Who publishes it (with --publish; default: your user name).")]
        public string? By { get; init; }

        /// <summary>The sources and minimum grade as the scope parser reads them.</summary>
        public ScopeInput SourceFilters => new() { Sources = Sources, MinGrade = MinGrade };

        public override ValidationResult Validate()
        {
            if (Publish && AsOf is not null)
                return ValidationResult.Error("--publish: a report is published from the data as they are now, not --as-of a past moment");
            if (Month is not null && (!Period.TryParse(Month, out var p) || p.Unit != PeriodUnit.Month))
                return ValidationResult.Error($"--month: '{Month}' is not a month in the form YYYY-MM");
            if (ReportRenderers.For(Format) is null)
                return ValidationResult.Error($"--format: '{Format}' is not one of: html, pdf, md");
            if (ScopeParser.Validate(SourceFilters) is { } e)
                return ValidationResult.Error($"--{FilterSettings.OptionName(e.Field)}: {e.Problem}");
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var db = settings.OpenStore(clock, output);
        MonthlyReportResult built;
        Storage.PublishedReport? published = null;
        try
        {
            var request = new MonthlyReportRequest
            {
                Month = settings.Month,
                Country = settings.Countries.FirstOrDefault() ?? "Pakistan",
                Filters = settings.Countries.Length > 1 || settings.Sources is not null || settings.MinGrade is not null
                    ? settings.SourceFilters with { Countries = settings.Countries.Length > 1 ? settings.Countries : [] }
                    : null,
                Province = settings.Province,
                Datasets = settings.Datasets,
            };
            if (settings.Publish)
            {
                var (record, made) = OptionErrors.Named(() => new PublishedReports(db, m => settings.Location.OpenAsOf(m, clock), reference, clock)
                    .Publish(request, settings.By ?? Environment.UserName));
                built = made;
                published = record;
            }
            else
            {
                built = OptionErrors.Named(() => new MonthlyReports(db, reference, clock).Build(request));
            }
        }
        catch (NotFoundException e)
        {
            output.Error.WriteLine($"vigil: {e.Message} (another dataset may have them: --dataset, see vigil datasets; vigil import FILE adds one, vigil start the bundled data)");
            return ExitCodes.NotFound;
        }
        var (report, month, scopeName) = (built.Report, built.Month, built.ScopeName);

        var renderer = ReportRenderers.For(settings.Format)!;
        // A report for another place than all of Pakistan (the default) is named after it, so that it never overwrites one.
        var suffix = settings.Province is null && built.Scope.Query.Countries is ["Pakistan"] ? ""
            : "-" + string.Join("-", scopeName.ToLowerInvariant().Split([' ', ','], StringSplitOptions.RemoveEmptyEntries));
        var path = settings.Out ?? $"vigil-report-{month.Label}{suffix}{renderer.Extension}";
        renderer.Render(report, path);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        output.Console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"[green]wrote[/] {Markup.Escape(Path.GetFullPath(path))} ({renderer.Format}, {Markup.Escape(scopeName)}, {month.Name}, {Markup.Escape(built.Scope.Label)}: {report.Headlines[0].Shown} {(report.Headlines[0].Shown == "1" ? "incident" : "incidents")}) in {seconds:0.0} s"));
        if (published is not null)
        {
            output.Console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"[green]published[/] as report {published.Id} (data version {published.DataVersion}, as of {Domain.Time.Moment.Label(published.Moment)}); vigil report diff {published.Id} shows what changes since"));
        }
        return ExitCodes.Success;
    }
}

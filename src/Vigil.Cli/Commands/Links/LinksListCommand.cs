using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Cli.Infrastructure;
using Vigil.Domain.Text;
using Vigil.Storage;

namespace Vigil.Cli.Commands.Links;

/// <summary><c>vigil links list</c>: stored links, two lines each (the pair, then the reason), so they read at 80 columns and in a pipe.</summary>
public sealed class LinksListCommand(CliOutput output, TimeProvider clock) : Command<LinksListCommand.Settings>
{
    public sealed class Settings : DatabaseSettings, IAsOfSettings
    {
        [CommandOption(IAsOfSettings.Option)]
        [Description(IAsOfSettings.Help)]
        public string? AsOf { get; init; }

        [CommandOption("--dataset <DATASET>")]
        [Description("Only links with a record of this dataset; given twice, only links between the two.")]
        public string[] Datasets { get; init; } = [];

        [CommandOption("--status <STATUS>")]
        [Description("linked, ambiguous, rejected or all (default).")]
        public string Status { get; init; } = "all";

        [CommandOption("--incident <ID>")]
        [Description("Only the links of this incident (on either side).")]
        public long? Incident { get; init; }

        [CommandOption("--limit <N>")]
        [Description("At most N links (default 50, at most 10000).")]
        public int Limit { get; init; } = 50;

        [CommandOption("--offset <N>")]
        [Description("Skip the first N links (in id order).")]
        public int Offset { get; init; }

        [CommandOption("--json")]
        [Description("Print as JSON.")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (Datasets.Length > 2)
                return ValidationResult.Error("--dataset: give one dataset, or two for the links between them");
            if (Status != "all" && !EnumText<LinkStatus>.TryParse(Status, out _))
                return ValidationResult.Error($"--status: '{Status}' is not one of: {LinkOptions.StatusNames}");
            if (Limit is < 1 or > 10_000)
                return ValidationResult.Error("--limit must be 1 to 10000");
            return Offset < 0 ? ValidationResult.Error("--offset must be zero or more") : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var db = settings.OpenStore(clock, output);
        var page = db.Links.List(new LinkQuery
        {
            Datasets = [.. settings.Datasets.Select(d => d.Trim())],
            Status = settings.Status == "all" ? null : EnumText<LinkStatus>.Parse(settings.Status),
            IncidentId = settings.Incident,
            Limit = settings.Limit,
            Offset = settings.Offset,
        });
        if (settings.Json)
        {
            output.Out.WriteLine(JsonSerializer.Serialize(new { total = page.Total, links = page.Links }, CliJson.Options));
            return ExitCodes.Success;
        }
        var inv = CultureInfo.InvariantCulture;
        foreach (var l in page.Links)
        {
            output.Out.WriteLine(string.Create(inv, $"{l.Id,6}  {EnumText<LinkStatus>.Format(l.Status),-9}  {l.DatasetA} {l.IncidentA}  ~  {l.DatasetB} {l.IncidentB}"));
            output.Out.WriteLine("        " + l.Reason);
            if (l.DecidedBy is { } by)
                output.Out.WriteLine($"        {EnumText<LinkStatus>.Format(l.Status)} by {by} at {l.DecidedAt}{(l.DecisionReason is { } why ? ": " + why : "")}");
        }
        output.Out.WriteLine(string.Create(inv, $"{page.Links.Count:N0} of {Counted.Of(page.Total, "link")}{(page.Total > settings.Offset + page.Links.Count ? $" (--offset {settings.Offset + page.Links.Count} for more)" : "")}"));
        return ExitCodes.Success;
    }
}

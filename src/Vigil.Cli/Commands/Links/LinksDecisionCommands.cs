using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Cli.Infrastructure;
using Vigil.Storage;

namespace Vigil.Cli.Commands.Links;

/// <summary>The link an analyst decides on, and why.</summary>
public sealed class LinkDecisionSettings : DecisionSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The link (vigil links list shows them).")]
    public long Id { get; init; }

    [CommandOption("--reason <TEXT>")]
    [Description("Why; recorded with the decision.")]
    public string? Reason { get; init; }

    public override ValidationResult Validate() =>
        Id < 1 ? ValidationResult.Error("<ID>: a link id is a positive number (vigil links list shows them)") : ValidationResult.Success();
}

/// <summary><c>vigil links confirm ID</c>: an ambiguous (or rejected) link becomes linked.</summary>
public sealed class LinksConfirmCommand(CliOutput output, TimeProvider clock) : Command<LinkDecisionSettings>
{
    public override int Execute(CommandContext context, LinkDecisionSettings settings, CancellationToken cancellationToken)
    {
        using var db = settings.OpenStore(clock);
        var l = db.Links.SetStatus(settings.Id, LinkStatus.Linked, settings.Who, settings.Reason);
        output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"link {l.Id} confirmed: {l.DatasetA} {l.IncidentA} and {l.DatasetB} {l.IncidentB} are one event"));
        return ExitCodes.Success;
    }
}

/// <summary><c>vigil links reject ID</c>: the pair is kept, marked rejected, and never linked again by a build.</summary>
public sealed class LinksRejectCommand(CliOutput output, TimeProvider clock) : Command<LinkDecisionSettings>
{
    public override int Execute(CommandContext context, LinkDecisionSettings settings, CancellationToken cancellationToken)
    {
        using var db = settings.OpenStore(clock);
        var l = db.Links.SetStatus(settings.Id, LinkStatus.Rejected, settings.Who, settings.Reason);
        output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"link {l.Id} rejected: {l.DatasetA} {l.IncidentA} and {l.DatasetB} {l.IncidentB} stay apart; a build will not link them again"));
        return ExitCodes.Success;
    }
}

/// <summary><c>vigil links undo --dataset A --dataset B</c>: removes the pair's linked and ambiguous links (rejections are kept).</summary>
public sealed class LinksUndoCommand(CliOutput output, TimeProvider clock) : Command<LinksUndoCommand.Settings>
{
    public sealed class Settings : DatabaseSettings
    {
        [CommandOption("--dataset <DATASET>")]
        [Description("The two datasets whose links to remove (give it twice).")]
        public string[] Datasets { get; init; } = [];

        public override ValidationResult Validate() => LinkOptions.TwoDatasets(Datasets) ?? ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var db = settings.OpenStore(clock);
        var removed = db.Links.RemoveBetween(settings.Datasets[0].Trim(), settings.Datasets[1].Trim());
        output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Counted.Of(removed, "link")} between {settings.Datasets[0].Trim()} and {settings.Datasets[1].Trim()} removed (rejections are kept, so a new build still honours them)"));
        return ExitCodes.Success;
    }
}

using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Accountability.Files;
using Vigil.Cli.Infrastructure;
using Vigil.Domain.Accountability;
using Vigil.Domain.Text;

namespace Vigil.Cli.Commands.Accountability;

public sealed class ExportFileSettings : DatabaseSettings
{
    [CommandOption("--format <FORMAT>")]
    [Description("json or yaml (default: from the --out file's extension, else json).")]
    public string? Format { get; init; }

    [CommandOption("--out <FILE>")]
    [Description("Write to this file (default: standard output).")]
    public string? Out { get; init; }

    public override ValidationResult Validate() =>
        Format is not null && !EnumText<AccountabilityFormat>.TryParse(Format, out _)
            ? ValidationResult.Error($"--format: give one of: {string.Join(", ", EnumText<AccountabilityFormat>.All)}")
            : ValidationResult.Success();

    public AccountabilityFormat ResolvedFormat =>
        Format is not null ? EnumText<AccountabilityFormat>.Parse(Format) : Out is not null ? AccountabilityFileWriter.FormatOf(Out) : AccountabilityFormat.Json;
}

/// <summary>Writes part of the accountability data as a file that the import commands read back.</summary>
public abstract class ExportFileCommand(CliOutput output, TimeProvider clock) : Command<ExportFileSettings>
{
    protected abstract AccountabilitySet Select(Storage.IAccountabilityStore store);

    public override int Execute(CommandContext context, ExportFileSettings settings, CancellationToken cancellationToken)
    {
        using var access = AccountabilityAccess.Open(settings, clock);
        var text = AccountabilityFileWriter.Write(Select(access.Service.Store), settings.ResolvedFormat);
        if (settings.Out is null)
            output.Out.Write(text);
        else
        {
            File.WriteAllText(settings.Out, text);
            output.Error.WriteLine($"wrote {settings.Out}");
        }
        return ExitCodes.Success;
    }
}

/// <summary><c>vigil engagements export</c>: the engagements.</summary>
public sealed class EngagementsExportCommand(CliOutput output, TimeProvider clock) : ExportFileCommand(output, clock)
{
    protected override AccountabilitySet Select(Storage.IAccountabilityStore store) => new() { Engagements = store.GetEngagements() };
}

/// <summary><c>vigil commitments export</c>: the commitments with their scores (their engagements and crossings must be in the database that imports them).</summary>
public sealed class CommitmentsExportCommand(CliOutput output, TimeProvider clock) : ExportFileCommand(output, clock)
{
    protected override AccountabilitySet Select(Storage.IAccountabilityStore store) => new() { Commitments = store.GetCommitments() };
}

/// <summary><c>vigil crossings export</c>: the crossings and their status events.</summary>
public sealed class CrossingsExportCommand(CliOutput output, TimeProvider clock) : ExportFileCommand(output, clock)
{
    protected override AccountabilitySet Select(Storage.IAccountabilityStore store) =>
        new() { Crossings = store.GetCrossings(), StatusEvents = store.GetStatusEvents() };
}

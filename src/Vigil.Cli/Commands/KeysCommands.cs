using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Application.Access;
using Vigil.Cli.Infrastructure;
using Vigil.Domain.Text;
using Vigil.Storage;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil keys create</c>: a new API key, shown once.</summary>
public sealed class KeysCreateCommand(CliOutput output, TimeProvider clock) : Command<KeysCreateCommand.Settings>
{
    public sealed class Settings : DatabaseSettings
    {
        [CommandOption("--name <NAME>")]
        [Description("Who the key is for; it signs every write made with it.")]
        public string? Name { get; init; }

        [CommandOption("--role <ROLE>")]
        [Description("viewer (read), analyst (write, review) or admin (keys, imports, deletions).")]
        public string? Role { get; init; }

        public override ValidationResult Validate() =>
            ApiKeyNames.Problem(Name?.Trim()) is { } problem ? ValidationResult.Error("--name " + problem)
            : !EnumText<ApiRole>.TryParse(Role, out _) ? ValidationResult.Error($"--role: give one of: {string.Join(", ", EnumText<ApiRole>.All)}")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var db = settings.OpenStore(clock);
        var (record, key) = new ApiKeyAdministration(db.Access).Create(settings.Name!, EnumText<ApiRole>.Parse(settings.Role!));
        output.Out.WriteLine(key);
        output.Error.WriteLine($"key for {record.Name} ({EnumText<ApiRole>.Format(record.Role)}) created; it is shown only now — keep it safe. Send it as the X-Api-Key header.");
        return ExitCodes.Success;
    }
}

/// <summary><c>vigil keys list</c>.</summary>
public sealed class KeysListCommand(CliOutput output, TimeProvider clock) : Command<TableSettings>
{
    public override int Execute(CommandContext context, TableSettings settings, CancellationToken cancellationToken)
    {
        using var db = settings.OpenStore(clock);
        var table = new Table().Border(TableBorder.Simple).AddColumns("name", "role", "created (UTC)", "revoked (UTC)");
        foreach (var k in new ApiKeyAdministration(db.Access).List())
        {
            table.AddRow(Markup.Escape(k.Name), EnumText<ApiRole>.Format(k.Role), k.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                k.RevokedAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "");
        }
        output.Write(table);
        return ExitCodes.Success;
    }
}

/// <summary><c>vigil keys revoke NAME</c>.</summary>
public sealed class KeysRevokeCommand(CliOutput output, TimeProvider clock) : Command<KeysRevokeCommand.Settings>
{
    public sealed class Settings : DatabaseSettings
    {
        [CommandArgument(0, "<NAME>")]
        public string Name { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var db = settings.OpenStore(clock);
        new ApiKeyAdministration(db.Access).Revoke(settings.Name);
        output.Console.MarkupLine($"revoked the key of {Markup.Escape(settings.Name)}");
        return ExitCodes.Success;
    }
}

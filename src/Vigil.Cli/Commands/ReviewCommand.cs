using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Cli.Infrastructure;
using Vigil.Domain.Text;
using Vigil.Storage;
using Vigil.Storage.Relational;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil review</c>: the queue of extracted candidates with their evidence; reject one with --reject.</summary>
public sealed class ReviewCommand(CliOutput output, TimeProvider clock) : Command<ReviewCommand.Settings>
{
    public sealed class Settings : DatabaseSettings
    {
        [CommandOption("--status <STATUS>")]
        [Description("pending (default), accepted, rejected or all.")]
        public string Status { get; init; } = "pending";

        [CommandOption("--limit <N>")]
        [Description("At most N candidates (default 50).")]
        public int Limit { get; init; } = 50;

        [CommandOption("--reject <ID>")]
        [Description("Reject the pending candidate with this id (kept, marked rejected).")]
        public long? Reject { get; init; }

        [CommandOption("--by <NAME>")]
        [Description("Who decides (default: the user name).")]
        public string? By { get; init; }

        [CommandOption("--json")]
        [Description("Print as JSON.")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (Status != "all" && !EnumText<CandidateStatus>.TryParse(Status, out _))
                return ValidationResult.Error($"--status: '{Status}' is not one of: pending, accepted, rejected, all");
            return Limit is < 1 or > 10_000 ? ValidationResult.Error("--limit must be 1 to 10000") : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var store = settings.OpenStore(clock);
        var queue = new CandidateQueue(store);
        if (settings.Reject is { } id)
        {
            queue.Reject(id, settings.By ?? Environment.UserName);
            output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"candidate {id} rejected"));
            return ExitCodes.Success;
        }
        CandidateStatus? status = settings.Status == "all" ? null : EnumText<CandidateStatus>.Parse(settings.Status);
        var list = queue.List(status, settings.Limit);
        if (settings.Json)
        {
            output.Out.WriteLine(JsonSerializer.Serialize(list, CliJson.Options));
            return ExitCodes.Success;
        }
        var table = new Table().Title(Markup.Escape($"{list.Count} {settings.Status} candidates")).Border(TableBorder.Simple)
            .AddColumns("id", "kind", "article", "summary", "evidence", "status");
        foreach (var c in list)
        {
            table.AddRow(c.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(c.Kind), Markup.Escape(c.ArticleId), Markup.Escape(c.Summary),
                Markup.Escape(c.Evidence ?? ""), EnumText<CandidateStatus>.Format(c.Status));
        }
        output.Console.Write(table);
        return ExitCodes.Success;
    }
}

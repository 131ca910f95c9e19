using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Application.Incidents;
using Vigil.Application.Review;
using Vigil.Cli.Infrastructure;
using Vigil.Domain.Incidents;
using Vigil.Domain.Text;
using Vigil.Extraction.Review;
using Vigil.Storage;

namespace Vigil.Cli.Commands.Review;

/// <summary>
/// <c>vigil review list</c> (also plain <c>vigil review</c>): the queue of extracted candidates with their evidence
/// and, once decided, what each became.
/// </summary>
public sealed class ReviewListCommand(CliOutput output, TimeProvider clock) : Command<ReviewListCommand.Settings>
{
    public sealed class Settings : TableSettings
    {
        [CommandOption("--status <STATUS>")]
        [Description("pending (default), accepted, rejected or all.")]
        public string Status { get; init; } = "pending";

        [CommandOption("--limit <N>")]
        [Description("At most N candidates (default 50).")]
        public int Limit { get; init; } = 50;

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
        using var db = settings.OpenStore(clock);
        CandidateStatus? status = settings.Status == "all" ? null : EnumText<CandidateStatus>.Parse(settings.Status);
        var list = db.Candidates.List(status, settings.Limit);
        if (settings.Json)
        {
            output.Out.WriteLine(JsonSerializer.Serialize(list, CliJson.Options));
            return ExitCodes.Success;
        }
        var table = new Table().Title(Markup.Escape($"{list.Count} {settings.Status} {Counted.Noun(list.Count, "candidate")}")).Border(TableBorder.Simple)
            .AddColumns("id", "kind", "article", "summary", "evidence", "status", "became");
        foreach (var c in list)
        {
            table.AddRow(c.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(c.Kind), Markup.Escape(c.ArticleId), Markup.Escape(c.Summary),
                Markup.Escape(c.Evidence ?? ""), EnumText<CandidateStatus>.Format(c.Status), Markup.Escape(Became(c)));
        }
        output.Write(table);
        return ExitCodes.Success;
    }

    /// <summary>What an accepted candidate became: "incident 12", "engagement news-7", ...; empty while undecided.</summary>
    private static string Became(ExtractionCandidate c) =>
        c.IncidentId is { } incident ? string.Create(CultureInfo.InvariantCulture, $"incident {incident}") : c.AcceptedAs?.Replace(':', ' ') ?? "";
}

/// <summary>
/// <c>vigil review accept ID</c>: a report becomes an incident (or, with --merge-into, a source of one); an
/// engagement or a commitment is saved in the accountability store, a border event becomes a crossing's status
/// event, and a claim joins the accepted claims (<c>vigil check --accepted</c>).
/// </summary>
public sealed class ReviewAcceptCommand(CliOutput output, TimeProvider clock) : Command<ReviewAcceptCommand.Settings>
{
    public sealed class Settings : DecisionSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("The pending candidate to accept.")]
        public long Id { get; init; }

        [CommandOption("--merge-into <INCIDENT_ID>")]
        [Description("Add the article as a source of this existing incident (a recorded merge); its figures are kept, filled from the report only where it has none, unless --use-figures.")]
        public long? MergeInto { get; init; }

        [CommandOption("--use-figures")]
        [Description("With --merge-into: replace the incident's killed and injured by the candidate's.")]
        public bool UseFigures { get; init; }

        [CommandOption("--future-days <N>")]
        [Description("A report may be dated at most N days after today (default 2); later is refused as a typo.")]
        public int FutureDays { get; init; } = FutureDates.DefaultDaysAllowed;

        [CommandOption("--set <FIELD=VALUE>")]
        [Description("Edit a field before saving; repeatable. report: killed, injured, district, province, date, event_type, perpetrator. engagement: key, date, end, place, format. commitment: key, engagement, date, made_by, made_to, category, indicator_metric, indicator_perpetrator, indicator_province, indicator_direction. border-event: crossing, date, status. claim: none.")]
        public string[] Set { get; init; } = [];

        public override ValidationResult Validate()
        {
            if (FutureDays < 0)
                return ValidationResult.Error("--future-days: must be zero or more");
            if (UseFigures && MergeInto is null)
                return ValidationResult.Error("--use-figures needs --merge-into");
            if (MergeInto is not null && Set.Length > 0)
                return ValidationResult.Error("--set applies to a new incident; edit the existing incident instead");
            return Set.FirstOrDefault(e => e.IndexOf('=', StringComparison.Ordinal) < 1) is { } bad
                ? ValidationResult.Error($"--set: '{bad}' is not FIELD=VALUE")
                : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var db = settings.OpenStore(clock);
        var edits = settings.Set.Select(e => new KeyValuePair<string, string>(e[..e.IndexOf('=', StringComparison.Ordinal)], e[(e.IndexOf('=', StringComparison.Ordinal) + 1)..])).ToList();
        var accepted = settings.MergeInto is { } into
            ? CandidateAcceptance.MergeInto(db, settings.Id, into, settings.Who, settings.UseFigures)
            : CandidateAcceptance.Accept(db, settings.Id, settings.Who, edits, DateLimit.From(clock, settings.FutureDays));
        output.Out.WriteLine(accepted.Describe());
        return ExitCodes.Success;
    }
}

/// <summary><c>vigil review accept-cluster IDS</c>: several pending report candidates accepted as ONE incident, a reversible merge.</summary>
public sealed class ReviewAcceptClusterCommand(CliOutput output, TimeProvider clock) : Command<ReviewAcceptClusterCommand.Settings>
{
    public sealed class Settings : DecisionSettings
    {
        [CommandArgument(0, "<IDS>")]
        [Description("The pending report candidates, comma-separated ids.")]
        public string Ids { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var db = settings.OpenStore(clock);
        var ids = ReviewDecisions.ParseIds(settings.Ids);
        var (incident, mergeId) = db.Candidates.AcceptCluster(ids, settings.Who, "accepted together by the analyst",
            cs => ReviewDecisions.ClusterIncident(cs.Select(c => c.Payload)));
        output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"candidates {settings.Ids} accepted as incident {incident.Id} (merge {mergeId})"));
        return ExitCodes.Success;
    }
}

/// <summary><c>vigil review reject ID</c>: the candidate is kept, marked rejected, with who and when.</summary>
public sealed class ReviewRejectCommand(CliOutput output, TimeProvider clock) : Command<ReviewRejectCommand.Settings>
{
    public sealed class Settings : DecisionSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("The pending candidate to reject.")]
        public long Id { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var db = settings.OpenStore(clock);
        db.Candidates.Reject(settings.Id, settings.Who);
        output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"candidate {settings.Id} rejected"));
        return ExitCodes.Success;
    }
}

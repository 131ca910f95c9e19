using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Application.Review;
using Vigil.Cli.Infrastructure;
using Vigil.Domain.Text;
using Vigil.Extraction.Review;
using Vigil.Storage;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil review</c>: the queue of extracted candidates with their evidence; accept (--accept with --set edits,
/// --merge-into, --accept-cluster) or reject (--reject). A report becomes an incident, an engagement or a
/// commitment is saved in the accountability store, a border event becomes a crossing's status event, and a claim
/// joins the accepted claims (<c>vigil check --accepted</c>).
/// </summary>
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

        [CommandOption("--accept <ID>")]
        [Description("Accept the pending candidate with this id: a report becomes an incident (or, with --merge-into, a source of one); an engagement, commitment, border event or claim is saved as such.")]
        public long? Accept { get; init; }

        [CommandOption("--merge-into <INCIDENT_ID>")]
        [Description("With --accept: add the article as a source of this existing incident (a recorded merge); its figures are kept, filled from the report only where it has none, unless --use-figures.")]
        public long? MergeInto { get; init; }

        [CommandOption("--use-figures")]
        [Description("With --merge-into: replace the incident's killed and injured by the candidate's.")]
        public bool UseFigures { get; init; }

        [CommandOption("--set <FIELD=VALUE>")]
        [Description("With --accept: edit a field before saving; repeatable. report: killed, injured, district, province, date, event_type, perpetrator. engagement: key, date, end, place, format. commitment: key, engagement, date, made_by, made_to, category, indicator_metric, indicator_perpetrator, indicator_province, indicator_direction. border-event: crossing, date, status. claim: none.")]
        public string[] Set { get; init; } = [];

        [CommandOption("--accept-cluster <IDS>")]
        [Description("Accept these pending report candidates (comma-separated ids) as ONE incident, recorded as a reversible merge.")]
        public string? AcceptCluster { get; init; }

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
            if (new[] { Accept is not null, Reject is not null, AcceptCluster is not null }.Count(b => b) > 1)
                return ValidationResult.Error("give one of --accept, --accept-cluster, --reject");
            if ((MergeInto is not null || Set.Length > 0) && Accept is null)
                return ValidationResult.Error("--merge-into and --set need --accept");
            if (UseFigures && MergeInto is null)
                return ValidationResult.Error("--use-figures needs --merge-into");
            if (MergeInto is not null && Set.Length > 0)
                return ValidationResult.Error("--set applies to a new incident; edit the existing incident instead");
            if (Set.FirstOrDefault(e => e.IndexOf('=', StringComparison.Ordinal) < 1) is { } bad)
                return ValidationResult.Error($"--set: '{bad}' is not FIELD=VALUE");
            return Limit is < 1 or > 10_000 ? ValidationResult.Error("--limit must be 1 to 10000") : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var db = settings.OpenStore(clock);
        var store = db.Incidents;
        var queue = db.Candidates;
        if (settings.Reject is { } id)
        {
            queue.Reject(id, settings.By ?? Environment.UserName);
            output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"candidate {id} rejected"));
            return ExitCodes.Success;
        }
        var by = settings.By ?? Environment.UserName;
        if (settings.Accept is { } accept)
        {
            var edits = settings.Set.Select(e => new KeyValuePair<string, string>(e[..e.IndexOf('=', StringComparison.Ordinal)], e[(e.IndexOf('=', StringComparison.Ordinal) + 1)..])).ToList();
            var accepted = settings.MergeInto is { } into
                ? CandidateAcceptance.MergeInto(db, accept, into, by, settings.UseFigures)
                : CandidateAcceptance.Accept(db, accept, by, edits);
            output.Out.WriteLine(accepted.Describe());
            return ExitCodes.Success;
        }
        if (settings.AcceptCluster is { } cluster)
        {
            var ids = ReviewDecisions.ParseIds(cluster);
            var (incident, mergeId) = queue.AcceptCluster(ids, by, "accepted together by the analyst", cs => ReviewDecisions.ClusterIncident(cs.Select(c => c.Payload)));
            output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"candidates {cluster} accepted as incident {incident.Id} (merge {mergeId})"));
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
            .AddColumns("id", "kind", "article", "summary", "evidence", "status", "became");
        foreach (var c in list)
        {
            table.AddRow(c.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(c.Kind), Markup.Escape(c.ArticleId), Markup.Escape(c.Summary),
                Markup.Escape(c.Evidence ?? ""), EnumText<CandidateStatus>.Format(c.Status), Markup.Escape(Became(c)));
        }
        output.Console.Write(table);
        return ExitCodes.Success;
    }

    /// <summary>What an accepted candidate became: "incident 12", "engagement news-7", ...; empty while undecided.</summary>
    private static string Became(ExtractionCandidate c) =>
        c.IncidentId is { } incident ? string.Create(CultureInfo.InvariantCulture, $"incident {incident}") : c.AcceptedAs?.Replace(':', ' ') ?? "";
}

using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Cli.Infrastructure;
using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;
using Vigil.Domain.Text;
using Vigil.Ingestion.Export;

namespace Vigil.Cli.Commands;

public sealed class IncidentsShowCommand(CliOutput output, TimeProvider clock) : Command<IncidentsShowCommand.Settings>
{
    public sealed class Settings : TableSettings, IAsOfSettings
    {
        [CommandOption(IAsOfSettings.Option)]
        [Description(IAsOfSettings.Help)]
        public string? AsOf { get; init; }

        [CommandArgument(0, "<ID>")]
        [Description("The incident's id.")]
        public long Id { get; init; }

        [CommandOption("--json")]
        [Description("Print the incident and its revisions as JSON.")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var db = settings.OpenStore(clock, output);
        var store = db.Incidents;
        var incident = store.Find(settings.Id, includeDeleted: true) ?? throw new NotFoundException($"incident {settings.Id}");
        var revisions = store.GetRevisions(settings.Id);
        var reports = db.Candidates.ReportsBehind(settings.Id);

        if (settings.Json)
        {
            using var stdout = output.OpenStdout();
            using var json = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true });
            json.WriteStartObject();
            json.WritePropertyName("incident");
            VigilJsonWriter.WriteOne(json, incident);
            json.WriteString("grade", incident.Grade is { } grade ? EnumText<Domain.Sources.IncidentGrade>.Format(grade) : null);
            json.WriteBoolean("contested", incident.Contested);
            json.WritePropertyName("revisions");
            JsonSerializer.Serialize(json, revisions, CliJson.Options);
            json.WritePropertyName("reports");
            JsonSerializer.Serialize(json, reports.Select(r => new { candidate = r.Id, article = r.ArticleId, r.Source, r.Published, r.Url, r.Summary, r.Evidence }), CliJson.Options);
            json.WriteEndObject();
            json.Flush();
            stdout.Write("\n"u8);
            return ExitCodes.Success;
        }

        var title = $"Incident {incident.Id}" + (incident.DeletedAt is { } d ? $" [red](deleted {d:yyyy-MM-dd})[/]" : "");
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        foreach (var field in IncidentFields.All)
        {
            if (field.Name is "id" or "sources" || field.Get(incident) is not { } value)
                continue;
            grid.AddRow($"[grey]{field.Name}[/]", Markup.Escape(value));
        }
        output.Boxed(grid, title);

        // Each source with what it said; a party's claim is marked, and a contested incident says so with each figure.
        var sources = new Table().Title("Sources").Border(TableBorder.Simple).AddColumns("#", "name", "date", "kind", "killed", "injured", "credibility", "headline", "url");
        for (var i = 0; i < incident.Sources.Length; i++)
        {
            var s = incident.Sources[i];
            var kind = s.PartyClaim ? "party claim" : s.Kind is { } k ? EnumText<Domain.Sources.SourceType>.Format(k) : "";
            sources.AddRow((i + 1).ToString(CultureInfo.InvariantCulture), Markup.Escape(s.Name ?? s.SourceKey ?? ""),
                s.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", Markup.Escape(kind),
                Markup.Escape(Said(s.Killed)), Markup.Escape(Said(s.Injured)), s.Credibility?.ToString(CultureInfo.InvariantCulture) ?? "",
                Markup.Escape(s.Headline ?? ""), Markup.Escape(s.Url ?? ""));
        }
        if (incident.Sources.Length == 0)
            sources.AddRow("", "[grey](none recorded)[/]", "", "", "", "", "", "", "");
        output.Console.MarkupLine(Markup.Escape($"grade: {(incident.Grade is { } g ? EnumText<Domain.Sources.IncidentGrade>.Format(g) : "not graded")}"
            + (incident.GradeOverride is not null ? $" (set by an analyst: {incident.GradeReason})" : " (derived from its sources; docs/method.md)")
            + (incident.Contested ? " · contested: its sources disagree on the figures — see each source's below" : "")));
        output.Write(sources);

        if (reports.Count > 0)
        {
            var behind = new Table().Title("Extracted reports behind it (each with its own figures)").Border(TableBorder.Simple)
                .AddColumns("candidate", "article", "published", "summary", "evidence");
            foreach (var r in reports)
            {
                behind.AddRow(r.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(r.Source ?? r.ArticleId), Markup.Escape(r.Published ?? ""),
                    Markup.Escape(r.Summary), Markup.Escape(r.Evidence ?? ""));
            }
            output.Write(behind);
        }

        var history = new Table().Title("Revisions").Border(TableBorder.Simple).AddColumns("#", "when (UTC)", "who", "what", "changes");
        foreach (var r in revisions)
        {
            var changes = r.Changes.Count == 0
                ? (r.Kind == Domain.Revisions.RevisionKind.Create ? "created" : "")
                : string.Join("\n", r.Changes.Select(c => $"{c.Field}: {c.Before ?? "∅"} → {c.After ?? "∅"}"));
            history.AddRow(r.Number.ToString(CultureInfo.InvariantCulture), r.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                Markup.Escape(r.Author), Markup.Escape(EnumText<Domain.Revisions.RevisionKind>.Format(r.Kind) + (r.ImportId is { } import ? $" by import #{import}" : "") + (r.Reason is null ? "" : $" ({r.Reason})")),
                Markup.Escape(changes));
        }
        output.Write(history);
        return ExitCodes.Success;
    }

    /// <summary>What one source said of a count: "12 (at least 12)", or "" when it gave no figure.</summary>
    private static string Said(Domain.Incidents.CasualtyCount? count) =>
        count is null || count.IsUnknown ? ""
        : RangeText.Of(count.Best ?? count.Low ?? count.High ?? 0, count.Low, count.High) + (count.Phrase is { } p ? $" ({p})" : "");
}

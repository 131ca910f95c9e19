using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Application.Reference;
using Vigil.Application.Scopes;
using Vigil.Cli.Commands;
using Vigil.Cli.Commands.Accountability;
using Vigil.Cli.Commands.Datasets;
using Vigil.Cli.Commands.Links;
using Vigil.Cli.Commands.Merge;
using Vigil.Cli.Commands.Review;
using Vigil.Cli.Commands.Sources;
using Vigil.Cli.Infrastructure;
using Vigil.Domain.Errors;

namespace Vigil.Cli;

/// <summary>The <c>vigil</c> command line: its commands, and how failures become one line and an exit code.</summary>
public static class VigilCli
{
    public static int Run(string[] args, CliOutput output, TimeProvider? clock = null, ReferenceData? reference = null)
    {
        // Numbers and dates print the same on every machine: scripts read this output.
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        using var logging = CliLogging.Create();
        var app = new CommandApp();
        app.Configure(config => Configure(config, output, clock ?? TimeProvider.System, reference ?? ReferenceData.Bundled, logging));
        return app.Run(StdinOperands(args));
    }

    /// <summary>
    /// "--file -" as "--file=-": the parser takes a lone "-" for an option without a name, yet "-" is the usual name
    /// of standard input.
    /// </summary>
    private static string[] StdinOperands(string[] args)
    {
        var result = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && !args[i].Contains('=', StringComparison.Ordinal) && i + 1 < args.Length && args[i + 1] == "-")
            {
                result.Add(args[i] + "=-");
                i++;
            }
            else
            {
                result.Add(args[i]);
            }
        }
        return [.. result];
    }

    public static void Configure(IConfigurator config, CliOutput output, TimeProvider clock, ReferenceData reference, ILoggerFactory? logging = null)
    {
        config.Settings.Registrar.RegisterInstance(logging ?? NullLoggerFactory.Instance);
        config.ConfigureConsole(output.Console);
        config.Settings.Registrar.RegisterInstance(output);
        config.Settings.Registrar.RegisterInstance(clock);
        config.Settings.Registrar.RegisterInstance(reference);
        config.Settings.Registrar.RegisterInstance(new ScopeParser(reference));
        config.SetApplicationName("vigil");
        config.Settings.StrictParsing = true;
        config.SetExceptionHandler((exception, _) => HandleException(exception, output));
        config.SetInterceptor(new TableFormatInterceptor(output));

        config.AddCommand<ServeCommand>("serve")
            .WithDescription("The main job: serve the dashboard, the REST API (/api/v1) and its reference (/api/docs) on the database, loading the bundled UCDP data on first run.")
            .WithExample("serve")
            .WithExample("serve", "--db", "institute.db", "--urls", "http://0.0.0.0:8080");
        config.AddBranch("keys", keys =>
        {
            keys.SetDescription("API keys for the server.");
            keys.AddCommand<KeysCreateCommand>("create").WithDescription("Create a key (shown once) for a person or a script, with a role.")
                .WithExample("keys", "create", "--name", "amina", "--role", "analyst");
            keys.AddCommand<KeysListCommand>("list").WithDescription("Keys by name and role (never the keys themselves).");
            keys.AddCommand<KeysRevokeCommand>("revoke").WithDescription("Revoke a key by name.");
        });
        config.AddBranch("feeds", feeds =>
        {
            feeds.SetDescription("News feeds the server watches: new items are read, de-duplicated and queued for review.");
            feeds.AddCommand<FeedsAddCommand>("add").WithDescription("Watch a feed (RSS 2.0, Atom or JSON Feed) on an interval.")
                .WithExample("feeds", "add", "https://www.dawn.com/feeds/home", "--name", "Dawn", "--every", "30m");
            feeds.AddCommand<FeedsListCommand>("list").WithDescription("The feeds watched and how their polling goes (last read, errors, items).");
            feeds.AddCommand<FeedsRemoveCommand>("remove").WithDescription("Stop watching a feed (its articles stay).");
            feeds.AddCommand<FeedsPollCommand>("poll").WithDescription("Read feeds now (all, or one by id) and process the items waiting.");
        });
        config.AddCommand<StartCommand>("start")
            .WithDescription("The main job: create the database if needed, load the bundled UCDP data on first run, and print the latest month's summary.");
        config.AddCommand<ImportCommand>("import")
            .WithDescription("Import incident files or URLs (UCDP GED, ACLED CSV or API JSON, GTD, Pakistan Body Count, Vigil CSV/JSON). One transaction per file.")
            .WithExample("import", "conflict_data_pak.csv")
            .WithExample("import", "--format", "pbc-drone", "--skip-invalid", "PakistanDroneAttacks.csv")
            .WithExample("import", "acled-2024.json")
            .WithExample("import", "--timeout", "120", "--max-size", "2GB", "https://example.org/exports/acled-pakistan.csv");
        config.AddBranch("datasets", datasets =>
        {
            datasets.SetDescription("The datasets in the database (UCDP GED, PBC, GTD, ACLED, the team's own records): what each covers, its licence and citation, and the primary one that figures count when no dataset is named.");
            datasets.AddCommand<DatasetsListCommand>("list").WithDescription("Every dataset: title, incidents, the days it covers (with gaps), kinds of event, figures it does not record, licence, whether its rows may be shared, and the primary mark.")
                .WithExample("datasets", "list");
            datasets.AddCommand<DatasetsShowCommand>("show").WithDescription("Everything about one dataset, with its description, citation and the spans it covers fully.")
                .WithExample("datasets", "show", "ucdp-ged");
            datasets.AddCommand<DatasetsPrimaryCommand>("primary").WithDescription("Make a dataset the primary one: figures that name no dataset count it.")
                .WithExample("datasets", "primary", "ucdp-ged");
            datasets.AddCommand<DatasetsEditCommand>("edit").WithDescription("Change a dataset's description, licence or declared coverage: only what is given changes (a list option replaces that list), all checked before anything is written.")
                .WithExample("datasets", "edit", "gtd", "--gap", "1993..1993", "--country", "Pakistan")
                .WithExample("datasets", "edit", "pbc-suicide", "--from", "1995-07-01", "--to", "2017-12-31", "--type", "suicide-bombing", "--redistributable", "false");
        });
        config.AddBranch("sources", sources =>
        {
            sources.SetDescription("The source registry: outlets, offices, parties' media wings, NGOs, statistics offices and datasets, each with its type and reliability (A–F), and the history of every edit. A party's figures are claims, kept apart (docs/method.md).");
            sources.AddCommand<SourcesListCommand>("list").WithDescription("Every source: key, name, type, a party's side, reliability and notes; the datasets of the database among them.")
                .WithExample("sources", "list");
            sources.AddCommand<SourcesShowCommand>("show").WithDescription("One source (by key, name or alias) with every edit of it: who, when, what and why.")
                .WithExample("sources", "show", "ispr");
            sources.AddCommand<SourcesAddCommand>("add").WithDescription("Add a source; the incidents citing it by name are graded again.")
                .WithExample("sources", "add", "dawn", "--name", "Dawn", "--type", "independent-media", "--reliability", "B", "--reason", "paper of record");
            sources.AddCommand<SourcesEditCommand>("edit").WithDescription("Change a source's name, aliases, type, side, reliability or notes (only what is given); recorded in its history, and the incidents citing it are graded again.")
                .WithExample("sources", "edit", "ucdp-ged", "--reliability", "B", "--reason", "published method, reviewed yearly");
        });
        config.AddBranch("incidents", incidents =>
        {
            incidents.SetDescription("List and inspect incidents.");
            incidents.AddCommand<IncidentsListCommand>("list")
                .WithDescription("List incidents matching filters, as a table, --json or --csv.")
                .WithExample("incidents", "list", "--province", "KPK", "--from", "2014", "--to", "2014", "--actor", "TTP", "--min-killed", "10");
            incidents.AddCommand<IncidentsShowCommand>("show")
                .WithDescription("Show one incident with its sources and revision history.")
                .WithExample("incidents", "show", "42");
        });
        config.AddCommand<ExportCommand>("export")
            .WithDescription("Export incidents (with the same filters as 'incidents list') as Vigil CSV, JSON or JSON Lines.")
            .WithExample("export", "--format", "csv", "--out", "incidents.csv");
        config.AddCommand<SummaryCommand>("summary")
            .WithDescription("A month's figures against the month before and the same month a year before, by province, actor and type.")
            .WithExample("summary", "--month", "2021-08");
        config.AddBranch("stats", stats =>
        {
            stats.SetDescription("Statistics: series, changes, records and spikes.");
            stats.AddCommand<StatsSeriesCommand>("series")
                .WithDescription("Incidents, killed and injured per period (by start date), optionally broken down, with changes against the previous period and a year before, records and spikes.")
                .WithExample("stats", "series", "--by", "month", "--from", "2014", "--to", "2014", "--breakdown", "province")
                .WithExample("stats", "series", "--by", "month", "--explain", "2014-06", "--breakdown", "province", "--key", "Sindh");
        });
        config.AddCommand<CheckCommand>("check")
            .WithDescription("Check a statistical claim against the data: supported, contradicted or not checkable, with the numbers.")
            .WithExample("check", "--metric", "killed", "--value", "134", "--period", "2023-01", "--change", "139")
            .WithExample("check", "--file", "claims.json");
        config.AddCommand<CompareCommand>("compare")
            .WithDescription("One metric from two datasets side by side per period, with difference and ratio.")
            .WithExample("compare", "--a-dataset", "pbc-suicide", "--b-dataset", "ucdp-ged", "--b-type", "suicide-bombing", "--by", "year");
        config.AddBranch("report", report =>
        {
            report.SetDescription("Publishable reports.");
            report.AddCommand<ReportMonthlyCommand>("monthly")
                .WithDescription("The monthly security assessment: the analysts' key findings (vigil report notes), headline figures with changes, record and spike statements, 24-month trend, provinces, actors, event types, a district map, notable incidents with sources, and a method note.")
                .WithExample("report", "monthly", "--month", "2021-12", "--format", "pdf")
                .WithExample("report", "monthly", "--month", "2014-06", "--province", "Balochistan", "--format", "html", "--out", "balochistan-2014-06.html");
            report.AddCommand<ReportDiffCommand>("diff")
                .WithDescription("What changed since a report was published (vigil report monthly --publish): it is regenerated as of its moment (its figures must be those published), then every figure and every incident of its scope and period that changed, before and after.")
                .WithExample("report", "diff")
                .WithExample("report", "diff", "3", "--json");
            report.AddCommand<ReportPublishedCommand>("published")
                .WithDescription("The reports published (vigil report monthly --publish), newest first: id, month, scope, the moment their figures are as of, data version, who published them and when.")
                .WithExample("report", "published")
                .WithExample("report", "published", "--json");
            report.AddCommand<ReportNotesCommand>("notes")
                .WithDescription("The analysts' key findings of a month's assessment for a scope (Markdown): print them, list their versions, or save a new version; printed first in every format of vigil report monthly.")
                .WithExample("report", "notes", "--month", "2021-12", "--set", "findings-2021-12.md")
                .WithExample("report", "notes", "--month", "2021-12", "--province", "Balochistan");
        });
        AddAccountability(config);
        config.AddCommand<ExtractCommand>("extract")
            .WithDescription("Extract incident reports (casualties, date, place, type, perpetrator, targets), statistical claims, engagements, border events and commitments from news files, each value with its evidence.")
            .WithExample("extract", "article.txt", "--published", "2023-02-24")
            .WithExample("extract", "news.jsonl", "--json");
        config.AddCommand<IngestNewsCommand>("ingest-news")
            .WithDescription("Extract from news files and queue every item (reports, claims, engagements, border events, commitments) for review; nothing enters the statistics unless accepted (--accept-all is the bulk switch).")
            .WithExample("ingest-news", "news.jsonl")
            .WithExample("ingest-news", "news.jsonl", "--accept-all");
        config.AddBranch("review", review =>
        {
            review.SetDescription("The review queue of extracted candidates: list them with their evidence, accept (with edits, or into an existing incident), accept several as one incident, or reject. Nothing extracted counts until accepted.");
            review.SetDefaultCommand<ReviewListCommand>();
            review.AddCommand<ReviewListCommand>("list").WithDescription("Candidates with their evidence and, once decided, what each became.")
                .WithExample("review", "list", "--status", "pending");
            review.AddCommand<ReviewAcceptCommand>("accept").WithDescription("Accept a pending candidate: a report becomes an incident (or a source of one with --merge-into); an engagement, commitment, border event or claim is saved as such.")
                .WithExample("review", "accept", "12", "--set", "killed=12", "--by", "amina")
                .WithExample("review", "accept", "13", "--merge-into", "4051");
            review.AddCommand<ReviewAcceptClusterCommand>("accept-cluster").WithDescription("Accept several pending report candidates as ONE incident, recorded as a reversible merge.")
                .WithExample("review", "accept-cluster", "4,5");
            review.AddCommand<ReviewRejectCommand>("reject").WithDescription("Reject a pending candidate (kept, marked rejected).")
                .WithExample("review", "reject", "12");
        });
        config.AddBranch("merge", merge =>
        {
            merge.SetDescription("Cluster extracted incident reports with each other and with the incidents already stored (imported or accepted), blocking by district and date window; every merge is recorded and reversible.");
            merge.AddCommand<MergePlanCommand>("plan").WithDescription("What the pending report candidates (or the reports in news files) would merge into and why; nothing is written.")
                .WithExample("merge", "plan")
                .WithExample("merge", "plan", "news.jsonl", "--json");
            merge.AddCommand<MergeApplyCommand>("apply").WithDescription("Merge the pending report candidates: a group matching a stored incident is added to it; a group of two or more matching none becomes ONE new incident.")
                .WithExample("merge", "apply", "--by", "amina");
            merge.AddCommand<MergeListCommand>("list").WithDescription("The recorded merges, newest first (undone ones marked).");
            merge.AddCommand<MergeUndoCommand>("undo").WithDescription("Reverse a merge: its candidates go back to pending; an incident it created is deleted, an incident it changed gets its fields back.")
                .WithExample("merge", "undo", "3");
        });
        config.AddBranch("links", links =>
        {
            links.SetDescription("Links between records of different datasets that describe one event (the matcher of 'compare --events', stored with its reasons): never merged, each dataset keeps its records; ambiguous pairs wait for an analyst.");
            links.AddCommand<LinksBuildCommand>("build").WithDescription("Match each record of dataset A with dataset B's over the days both cover: a unique match is stored linked, a record with several candidates gets ambiguous pairs. Re-running adds only what is new and never re-links a rejected pair.")
                .WithExample("links", "build", "--dataset", "pbc-suicide", "--dataset", "ucdp-ged");
            links.AddCommand<LinksListCommand>("list").WithDescription("Stored links with their reasons, in id order.")
                .WithExample("links", "list", "--dataset", "pbc-suicide", "--status", "ambiguous");
            links.AddCommand<LinksConfirmCommand>("confirm").WithDescription("Confirm a link: the two records are one event.")
                .WithExample("links", "confirm", "12", "--by", "amina");
            links.AddCommand<LinksRejectCommand>("reject").WithDescription("Reject a link: the two records stay apart, and no build links them again.")
                .WithExample("links", "reject", "12", "--reason", "different attacks on the same day");
            links.AddCommand<LinksUndoCommand>("undo").WithDescription("Remove the linked and ambiguous links between two datasets (rejections are kept).")
                .WithExample("links", "undo", "--dataset", "pbc-suicide", "--dataset", "ucdp-ged");
        });
        config.AddBranch("eval", eval =>
        {
            eval.SetDescription("Measure the extractor.");
            eval.AddCommand<EvalExtractionCommand>("extraction")
                .WithDescription("Precision, recall and F1 per field (killed, injured, date, district, actor, event type) on a labeled JSON-lines file.")
                .WithExample("eval", "extraction", "data/eval/ucdp-headlines.jsonl")
                .WithExample("eval", "extraction", "data/eval/roundups-dev.jsonl", "--documents")
                .WithExample("eval", "extraction", "data/eval/attribution-heldout.jsonl", "--attribution");
            eval.AddCommand<EvalBuildUcdpSetCommand>("ucdp-set")
                .WithDescription("Build the labeled development set from a UCDP GED file's headlines (fields scored only where the headline states them).")
                .WithExample("eval", "ucdp-set", "data/ucdp/conflict_data_pak.csv", "--out", "data/eval/ucdp-headlines.jsonl");
        });
        config.AddBranch("db", db =>
        {
            db.SetDescription("The database itself.");
            db.AddCommand<DbInfoCommand>("info").WithDescription("What the database holds: counts, datasets, imports.");
            db.AddCommand<DbMigrateCommand>("migrate").WithDescription("Bring the database's schema up to date (every command also does on open).")
                .WithExample("db", "migrate", "--db", "postgres://vigil@db.example.org:5432/vigil");
            db.AddCommand<DbCopyCommand>("copy").WithDescription("Copy a whole database into an empty one (SQLite or PostgreSQL), checking every table's rows and checksum.")
                .WithExample("db", "copy", "--from", "sqlite:vigil.db", "--to", "postgres://vigil@localhost:5432/vigil");
        });
        config.AddCommand<BackupCommand>("backup")
            .WithDescription("Back up the database (SQLite online backup, or pg_dump) with a manifest of every table's rows and checksum.")
            .WithExample("backup", "--out", "vigil-2026-11-29.db");
        config.AddCommand<RestoreCommand>("restore")
            .WithDescription("Restore a backup into a new database and check it against the manifest.")
            .WithExample("restore", "--from", "vigil-2026-11-29.db", "--db", "restored.db");
    }

    private static void AddAccountability(IConfigurator config)
    {
        const string importHelp = "Import JSON or YAML files of engagements, commitments (with scores), crossings and status events; each file all or nothing. Any of the import verbs reads every section.";
        config.AddBranch("engagements", b =>
        {
            b.SetDescription("Diplomatic engagements: visits, talks, calls, statements.");
            b.AddCommand<EngagementsListCommand>("list").WithDescription("Engagements, with how many commitments each holds.");
            b.AddCommand<EngagementsAddCommand>("add").WithDescription("Record one engagement.")
                .WithExample("engagements", "add", "--key", "pak-afg-kabul-2023-02", "--start", "2023-02-20", "--end", "2023-02-24", "--place", "Kabul", "--party", "Pakistan", "--party", "Afghan interim government", "--format", "visit");
            b.AddCommand<ImportFileCommand>("import").WithDescription(importHelp).WithExample("engagements", "import", "data/accountability/worked-example.yaml");
            b.AddCommand<EngagementsExportCommand>("export").WithDescription("Export the engagements as JSON or YAML.").WithExample("engagements", "export", "--out", "engagements.yaml");
        });
        config.AddBranch("commitments", b =>
        {
            b.SetDescription("Commitments made in engagements, each measured by an indicator and judged on the 0-3 implementation scale.");
            b.AddCommand<CommitmentsListCommand>("list").WithDescription("Commitments with their latest judged score.");
            b.AddCommand<ImportFileCommand>("import").WithDescription(importHelp);
            b.AddCommand<CommitmentsExportCommand>("export").WithDescription("Export the commitments with their scores as JSON or YAML.");
            b.AddCommand<CommitmentsEvaluateCommand>("evaluate")
                .WithDescription("The indicator before and after each commitment, the rate ratio with its 95% interval, the exact Poisson test or the interrupted time series, and the verdict.")
                .WithExample("commitments", "evaluate", "sample-ttp-2014");
            b.AddCommand<CommitmentsScoreCommand>("score").WithDescription("Add an analyst's implementation score: 0 not initiated, 1 minimal, 2 intermediate, 3 full.")
                .WithExample("commitments", "score", "afg-assurances-ttp-2023-02", "--score", "1", "--evidence", "arrests announced, none confirmed");
        });
        config.AddBranch("crossings", b =>
        {
            b.SetDescription("The border monitor: crossings, their status over time, closures, violence nearby.");
            b.AddCommand<CrossingsListCommand>("list").WithDescription("The crossings registry.");
            b.AddCommand<CrossingsStatusCommand>("status").WithDescription("The status board, or one crossing's closures, days closed per month and violence within --radius km.")
                .WithExample("crossings", "status").WithExample("crossings", "status", "torkham", "--radius", "30");
            b.AddCommand<CrossingsEventsCommand>("events").WithDescription("A crossing's status events as recorded.").WithExample("crossings", "events", "torkham");
            b.AddCommand<CrossingsRecordCommand>("record").WithDescription("Record that a crossing closed, reopened or partly reopened from a day on.")
                .WithExample("crossings", "record", "torkham", "--status", "closed", "--from", "2023-02-19", "--reason", "exchange of fire", "--source", "Dawn");
            b.AddCommand<ImportFileCommand>("import").WithDescription(importHelp);
            b.AddCommand<CrossingsExportCommand>("export").WithDescription("Export the crossings and their status events as JSON or YAML.");
        });
        config.AddCommand<ScorecardCommand>("scorecard")
            .WithDescription("Per party: the judged implementation (percent of full, as the Peace Accords Matrix aggregates) beside the measured verdicts, with disagreements marked.");
    }

    private static int HandleException(Exception exception, CliOutput output)
    {
        var error = output.Error;
        var (code, message) = exception switch
        {
            CommandParseException or CommandRuntimeException => (ExitCodes.Usage, exception.Message),
            OptionException e => (ExitCodes.Usage, e.Message),
            InputException e => (ExitCodes.BadInput, e.Message),
            NotFoundException e => (ExitCodes.NotFound, e.Message),
            VigilException e => (ExitCodes.Failed, e.Message),
            OperationCanceledException => (ExitCodes.Failed, "cancelled; nothing from the unfinished step was written"),
            IOException or UnauthorizedAccessException => (ExitCodes.Failed, exception.Message),
            _ => (ExitCodes.InternalError, $"internal error: {exception}"),
        };
        error.WriteLine($"vigil: {message}");
        if (code == ExitCodes.Usage)
            error.WriteLine("Run 'vigil --help' (or 'vigil COMMAND --help') for usage.");
        return code;
    }
}

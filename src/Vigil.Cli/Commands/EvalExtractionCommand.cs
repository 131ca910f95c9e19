using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Application.Reference;
using Vigil.Cli.Infrastructure;
using Vigil.Domain.Errors;
using Vigil.Domain.Text;
using Vigil.Extraction;
using Vigil.Extraction.Evaluation;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil eval extraction</c>: precision, recall and F1 of the extractor per field on a labeled set.</summary>
public sealed class EvalExtractionCommand(CliOutput output, ReferenceData reference) : Command<EvalExtractionCommand.Settings>
{
    public sealed class Settings : TableSettings
    {
        [CommandArgument(0, "<LABELED>")]
        [Description("Labeled JSON lines: {\"id\",\"published\",\"text\",\"killed\",\"injured\",\"date\",\"district\",\"actor\",\"event_type\"}; a field left out is not scored.")]
        public string File { get; init; } = "";

        [CommandOption("--errors <N>")]
        [Description("Also list up to N wrong or missed values.")]
        public int Errors { get; init; }

        [CommandOption("--documents")]
        [Description("Score document kinds, statistics (right when period, metric, scope and value all are) and incident candidates on labeled documents: {\"id\",\"published\",\"title\",\"text\",\"kind\",\"statistics\":[[{\"period\",\"metric\",\"scope\",\"value\"}]],\"incident\"}. data/eval/roundups-dev.jsonl is a development set written by the team; a held-back set of real roundups is the measure.")]
        public bool Documents { get; init; }

        [CommandOption("--attribution")]
        [Description("Score who gave each casualty figure on labeled sentences: {\"id\",\"published\",\"text\",\"killed\",\"injured\",\"claims\"} with claims a list of {\"party\",\"killed\",\"injured\"} (the article's own figures and those it relays from parties); prints precision and recall of party attribution. data/eval/attribution-heldout.jsonl was not tuned on, attribution-dev.jsonl was.")]
        public bool Attribution { get; init; }

        [CommandOption("--json")]
        [Description("Print as JSON.")]
        public bool Json { get; init; }

        [CommandOption("--by-phrase-kind")]
        [Description("Also score killed and injured per phrase kind (the \"phrase_kind\" tag of each line, e.g. subset, perpetrators, sub-events-sum).")]
        public bool ByPhraseKind { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!System.IO.File.Exists(settings.File))
            throw new NotFoundException($"{settings.File}: no such file");
        if (settings.Documents)
            return ExecuteDocuments(settings);
        if (settings.Attribution)
            return ExecuteAttribution(settings);
        var examples = LabeledSet.Read(settings.File);
        var result = new ExtractionEvaluator(reference.Extractor).Evaluate(examples);
        var inv = CultureInfo.InvariantCulture;
        if (settings.Json)
        {
            var json = new
            {
                examples = result.Examples,
                fields = result.Fields.Select(f => new
                {
                    field = EnumText<EvalField>.Format(f.Field),
                    scored = f.Scored,
                    tp = f.TruePositives,
                    fp = f.FalsePositives,
                    fn = f.FalseNegatives,
                    precision = Math.Round(f.Precision, 4),
                    recall = Math.Round(f.Recall, 4),
                    f1 = Math.Round(f.F1, 4),
                }),
            };
            output.Out.WriteLine(JsonSerializer.Serialize(json, CliJson.Options));
            return ExitCodes.Success;
        }
        var table = new Table().Title(Markup.Escape($"{Path.GetFileName(settings.File)}: {Counted.Of(result.Examples, "example")}")).Border(TableBorder.Simple)
            .AddColumns("field", "scored", "TP", "FP", "FN", "precision", "recall", "F1");
        foreach (var f in result.Fields)
        {
            table.AddRow(EnumText<EvalField>.Format(f.Field), f.Scored.ToString("N0", inv), f.TruePositives.ToString(inv), f.FalsePositives.ToString(inv),
                f.FalseNegatives.ToString(inv), f.Scored == 0 ? "-" : f.Precision.ToString("0.000", inv), f.Scored == 0 ? "-" : f.Recall.ToString("0.000", inv),
                f.Scored == 0 ? "-" : f.F1.ToString("0.000", inv));
        }
        output.Write(table);
        if (settings.ByPhraseKind)
            WritePhraseKinds(settings.File, inv);
        foreach (var (id, field, gold, predicted) in result.Errors.Take(settings.Errors))
            output.Out.WriteLine($"{id}\t{EnumText<EvalField>.Format(field)}\tgold={gold ?? "none"}\tpredicted={predicted ?? "none"}");
        return ExitCodes.Success;
    }

    private void WritePhraseKinds(string file, CultureInfo inv)
    {
        var table = new Table().Title("killed and injured per phrase kind").Border(TableBorder.Simple)
            .AddColumns("phrase kind", "examples", "killed F1", "injured F1");
        foreach (var kind in PhraseKindScores.Score(new ExtractionEvaluator(reference.Extractor), file))
        {
            string F1(EvalField field) => kind.Result.Fields.Single(f => f.Field == field) is { Scored: > 0 } f ? f.F1.ToString("0.000", inv) : "-";
            table.AddRow(Markup.Escape(kind.Kind), kind.Result.Examples.ToString(inv), F1(EvalField.Killed), F1(EvalField.Injured));
        }
        output.Write(table);
    }

    private int ExecuteAttribution(Settings settings)
    {
        var r = new AttributionEvaluator(reference.Extractor).Evaluate(AttributionEvaluator.Read(settings.File));
        var inv = CultureInfo.InvariantCulture;
        if (settings.Json)
        {
            output.Out.WriteLine(JsonSerializer.Serialize(new
            {
                sentences = r.Sentences,
                party_figures = new { tp = r.TruePositives, fp = r.FalsePositives, fn = r.FalseNegatives, precision = Math.Round(r.Precision, 4), recall = Math.Round(r.Recall, 4), f1 = Math.Round(r.F1, 4) },
                party_named_as_labeled = r.PartyNamed,
                article_figures_right = r.ArticleFiguresRight,
                article_figures = r.ArticleFigures,
            }, CliJson.Options));
            return ExitCodes.Success;
        }
        var table = new Table().Title(Markup.Escape($"{Path.GetFileName(settings.File)}: {Counted.Of(r.Sentences, "sentence")}")).Border(TableBorder.Simple)
            .AddColumns("measure", "value");
        table.AddRow("party figures (TP / FP / FN)", $"{r.TruePositives.ToString(inv)} / {r.FalsePositives.ToString(inv)} / {r.FalseNegatives.ToString(inv)}");
        table.AddRow("party attribution precision", r.Precision.ToString("0.000", inv));
        table.AddRow("party attribution recall", r.Recall.ToString("0.000", inv));
        table.AddRow("party attribution F1", r.F1.ToString("0.000", inv));
        table.AddRow("party named as labeled", $"{r.PartyNamed.ToString(inv)} of {r.TruePositives.ToString(inv)}");
        table.AddRow("article's own killed and injured right", $"{r.ArticleFiguresRight.ToString(inv)} of {r.ArticleFigures.ToString(inv)}");
        output.Write(table);
        foreach (var e in r.Errors.Take(settings.Errors))
            output.Out.WriteLine(e);
        return ExitCodes.Success;
    }

    private int ExecuteDocuments(Settings settings)
    {
        var r = new DocumentEvaluator(reference.Extractor).Evaluate(LabeledDocuments.Read(settings.File));
        var inv = CultureInfo.InvariantCulture;
        if (settings.Json)
        {
            output.Out.WriteLine(JsonSerializer.Serialize(new
            {
                documents = r.Documents,
                kind_accuracy = Math.Round(r.KindAccuracy, 4),
                statistics = new { gold = r.StatisticsGold, found = r.StatisticsFound, right = r.StatisticsRight, precision = Math.Round(r.StatisticsPrecision, 4), recall = Math.Round(r.StatisticsRecall, 4) },
                roundups = r.Roundups,
                roundups_with_incident = r.RoundupsWithIncident,
                editorials_with_unlabeled_incident = r.EditorialsWithUnlabeledIncident,
            }, CliJson.Options));
            return ExitCodes.Success;
        }
        var table = new Table().Title(Markup.Escape($"{Path.GetFileName(settings.File)}: {Counted.Of(r.Documents, "document")}")).Border(TableBorder.Simple)
            .AddColumns("measure", "value");
        table.AddRow("document kind accuracy", r.KindAccuracy.ToString("0.000", inv));
        table.AddRow("statistics (gold / found / right)", $"{r.StatisticsGold.ToString(inv)} / {r.StatisticsFound.ToString(inv)} / {r.StatisticsRight.ToString(inv)}");
        table.AddRow("statistics precision", r.StatisticsPrecision.ToString("0.000", inv));
        table.AddRow("statistics recall", r.StatisticsRecall.ToString("0.000", inv));
        table.AddRow("roundups yielding an incident", $"{r.RoundupsWithIncident.ToString(inv)} of {r.Roundups.ToString(inv)}");
        table.AddRow("editorials yielding an unlabeled incident", r.EditorialsWithUnlabeledIncident.ToString(inv));
        output.Write(table);
        foreach (var (id, what, gold, predicted) in r.Errors.Take(settings.Errors))
            output.Out.WriteLine($"{id}\t{what}\tgold={gold ?? "none"}\tpredicted={predicted ?? "none"}");
        return ExitCodes.Success;
    }
}

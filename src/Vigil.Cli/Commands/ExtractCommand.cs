using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Application.Reference;
using Vigil.Cli.Infrastructure;
using Vigil.Domain.Errors;
using Vigil.Extraction;
using Vigil.Extraction.Input;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil extract</c>: incident reports, claims, engagements, border events and commitments from news files.</summary>
public sealed class ExtractCommand(CliOutput output, ReferenceData reference) : Command<ExtractCommand.Settings>
{
    public sealed class Settings : TableSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("Plain text, HTML, or JSON lines (one {\"id\",\"published\",\"source\",\"url\",\"title\",\"text\"} per line).")]
        public string[] Files { get; init; } = [];

        [CommandOption("--published <DATE>")]
        [Description("Publication date (YYYY-MM-DD) for plain or HTML files that do not give one, to resolve \"on Monday\", \"last week\".")]
        public string? Published { get; init; }

        [CommandOption("--json")]
        [Description("Print JSON lines, one object per article, with the evidence span of every value.")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (Published is not null && !DateOnly.TryParseExact(Published, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                return ValidationResult.Error($"--published: '{Published}' is not a date (YYYY-MM-DD)");
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        DateOnly? published = settings.Published is null ? null : DateOnly.ParseExact(settings.Published, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var extractor = reference.Extractor;
        foreach (var file in settings.Files)
        {
            if (!File.Exists(file))
                throw new NotFoundException($"{file}: no such file");
            foreach (var article in ArticleReader.Read(file, published))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var result = extractor.Extract(article);
                if (settings.Json)
                    output.Out.WriteLine(ExtractionJson.ToJson(result).ToJsonString());
                else
                    ExtractView.Write(output, result);
            }
        }
        return ExitCodes.Success;
    }
}

using Vigil.Accountability.Files;
using Vigil.Application.Reference;
using Vigil.Ingestion;
using Vigil.Ingestion.Formats.Ucdp;
using Vigil.Storage;

namespace Vigil.Application.Setup;

/// <summary>
/// What a new database is filled with: the bundled UCDP GED Pakistan file and the worked example of engagements,
/// commitments and crossings (skipped when the file is absent). <paramref name="Author"/> signs the import.
/// <paramref name="Load"/>, when given, runs the import (it is called only for a new database, with the work to do;
/// the CLI announces the load and shows a progress bar around it).
/// </summary>
public sealed record FirstRunRequest(string UcdpFile, string? AccountabilityFile, string Author,
    Func<Func<IProgress<ImportProgress>?, ImportResult>, ImportResult>? Load = null);

/// <summary>What the first run did: nothing (the database already held incidents), or the import and the worked example loaded.</summary>
public sealed record FirstRunResult(bool Loaded, ImportResult? Import, AccountabilitySaveSummary? WorkedExample);

/// <summary>
/// The first run of <c>vigil start</c> and <c>vigil serve</c>, one rule for both: a database that has never held an
/// incident (deleted ones count: a database someone emptied is not new) is filled with the bundled data, and the
/// worked example is loaded when the accountability tables are empty too.
/// </summary>
public sealed class FirstRun(IVigilDatabase db, ReferenceData reference)
{
    public FirstRunResult Run(FirstRunRequest request, CancellationToken cancellationToken = default)
    {
        // One count: a database that has ever held an incident is left as it is.
        if (db.Incidents.Count(new IncidentQuery { IncludeDeleted = true }) != 0)
            return new FirstRunResult(false, null, null);
        var importer = new Importer(db.Incidents, reference.Normalizer());
        var options = new ImportOptions { Format = UcdpGedFormat.Dataset, Author = request.Author };
        ImportResult Work(IProgress<ImportProgress>? progress) => importer.Import(request.UcdpFile, options, progress, cancellationToken);
        var import = request.Load is { } load ? load(Work) : Work(null);
        AccountabilitySaveSummary? example = null;
        var accountability = db.Accountability;
        if (request.AccountabilityFile is { } file && File.Exists(file)
            && accountability.GetCrossings().Count == 0 && accountability.GetEngagements().Count == 0)
        {
            example = AccountabilityImporter.Import(accountability, file);
        }
        return new FirstRunResult(true, import, example);
    }
}

using Vigil.Accountability.Files;
using Vigil.Application.Reference;
using Vigil.Ingestion;
using Vigil.Ingestion.Formats.Ucdp;
using Vigil.Storage;

namespace Vigil.Application.Setup;

/// <summary>
/// What a new database is filled with: the bundled UCDP GED Pakistan file and the worked example of engagements,
/// commitments and crossings (skipped when the file is absent). <paramref name="Author"/> signs the import.
/// </summary>
public sealed record FirstRunRequest(string UcdpFile, string? AccountabilityFile, string Author, IProgress<ImportProgress>? Progress = null);

/// <summary>What the first run did: nothing (the database already held incidents), or the import and the worked example loaded.</summary>
public sealed record FirstRunResult(bool Loaded, ImportResult? Import, AccountabilitySaveSummary? WorkedExample);

/// <summary>
/// The first run of <c>vigil start</c> and <c>vigil serve</c>, one rule for both: a database that has never held an
/// incident (deleted ones count: a database someone emptied is not new) is filled with the bundled data, and the
/// worked example is loaded when the accountability tables are empty too.
/// </summary>
public sealed class FirstRun(IVigilDatabase db, ReferenceData reference)
{
    /// <summary>Whether the database has never held an incident.</summary>
    public bool IsNeeded() => db.Incidents.Count(new IncidentQuery { IncludeDeleted = true }) == 0;

    public FirstRunResult Run(FirstRunRequest request, CancellationToken cancellationToken = default)
    {
        if (!IsNeeded())
            return new FirstRunResult(false, null, null);
        var import = new Importer(db.Incidents, reference.Normalizer())
            .Import(request.UcdpFile, new ImportOptions { Format = UcdpGedFormat.Dataset, Author = request.Author }, request.Progress, cancellationToken);
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

using Vigil.Accountability.Files;
using Vigil.Application.Datasets;
using Vigil.Application.Reference;
using Vigil.Ingestion;
using Vigil.Storage;

namespace Vigil.Application.Setup;

/// <summary>A file shipped with Vigil and the format it is imported as: each is its own dataset, with its own coverage.</summary>
public sealed record BundledFile(string Path, string Format);

/// <summary>
/// What a new database is filled with: the bundled files, in order (UCDP GED Pakistan, then UCDP Candidate 2026 for
/// Afghanistan and Pakistan), and the worked example of engagements, commitments and crossings (skipped when the file
/// is absent). <paramref name="Author"/> signs the imports. <paramref name="Load"/>, when given, runs each import (it is
/// called only for a new database, once per file, with the work to do; the CLI announces the load and shows a progress
/// bar around it).
/// </summary>
public sealed record FirstRunRequest(IReadOnlyList<BundledFile> Files, string? AccountabilityFile, string Author,
    Func<BundledFile, Func<IProgress<ImportProgress>?, ImportResult>, ImportResult>? Load = null);

/// <summary>What the first run did: nothing (the database already held incidents), or the imports (one per file, in order) and the worked example loaded.</summary>
public sealed record FirstRunResult(bool Loaded, IReadOnlyList<ImportResult> Imports, AccountabilitySaveSummary? WorkedExample);

/// <summary>
/// The first run of <c>vigil start</c> and <c>vigil serve</c>, one rule for both: a database that has never held an
/// incident (deleted ones count: a database someone emptied is not new) is filled with the bundled data, and the
/// worked example is loaded when the accountability tables are empty too. Each file is one import (all or nothing)
/// into its own dataset, and each dataset is declared to cover the countries of its file, so that a country a file
/// does not hold is "no data" there, never zero.
/// </summary>
public sealed class FirstRun(IVigilDatabase db, ReferenceData reference)
{
    public FirstRunResult Run(FirstRunRequest request, CancellationToken cancellationToken = default)
    {
        // One count: a database that has ever held an incident is left as it is.
        if (db.Incidents.Count(new IncidentQuery { IncludeDeleted = true }) != 0)
            return new FirstRunResult(false, [], null);
        var importer = new Importer(db.Incidents, reference.Normalizer());
        var imports = new List<ImportResult>();
        foreach (var file in request.Files)
        {
            var options = new ImportOptions { Format = file.Format, Author = request.Author };
            ImportResult Work(IProgress<ImportProgress>? progress) => importer.Import(file.Path, options, progress, cancellationToken);
            imports.Add(request.Load is { } load ? load(file, Work) : Work(null));
        }
        DeclareCountries(imports);
        AccountabilitySaveSummary? example = null;
        var accountability = db.Accountability;
        if (request.AccountabilityFile is { } path && File.Exists(path)
            && accountability.GetCrossings().Count == 0 && accountability.GetEngagements().Count == 0)
        {
            example = AccountabilityImporter.Import(accountability, path);
        }
        return new FirstRunResult(true, imports, example);
    }

    /// <summary>
    /// A bundled file holds some countries only (the GED file is UCDP's Pakistan export): its dataset is declared to
    /// cover those, unless someone declared otherwise.
    /// </summary>
    private void DeclareCountries(IEnumerable<ImportResult> imports)
    {
        var registry = new DatasetRegistry(db);
        foreach (var name in imports.Select(i => i.Format).Distinct(StringComparer.Ordinal))
        {
            if (db.Datasets.Find(name) is not { Coverage.Countries.Count: 0 })
                continue;
            var countries = db.Incidents.Aggregate(new IncidentQuery { Datasets = [name] }, GroupBy.Country)
                .Select(r => r.Key).OfType<string>().Where(k => k.Length > 0).Order(StringComparer.Ordinal).ToList();
            if (countries.Count > 0)
                registry.Edit(name, new DatasetEdit { Countries = countries });
        }
    }
}

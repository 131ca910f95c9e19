using Vigil.Application.Scopes;
using Vigil.Domain.Datasets;
using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;
using Vigil.Domain.Text;
using Vigil.Domain.Time;
using Vigil.Storage;

namespace Vigil.Application.Datasets;

/// <summary>
/// <c>vigil datasets</c> and <c>/api/v1/datasets</c>: the datasets of a database with their descriptions, licences and
/// coverage; an analyst's edit of one; which one figures use when no scope names any. A dataset is named as the
/// database names it, matched case-insensitively.
/// </summary>
public sealed class DatasetRegistry(IVigilDatabase db)
{
    /// <summary>The figures a dataset may leave unrecorded.</summary>
    public static readonly IReadOnlyList<string> Metrics = ["killed", "injured"];

    /// <summary>Every dataset in the order it was added, with its data's span and incident count.</summary>
    public IReadOnlyList<Dataset> List() => db.Datasets.List();

    /// <exception cref="NotFoundException">No dataset of that name (the message lists the datasets there are).</exception>
    public Dataset Show(string name) => Require(name);

    /// <summary>
    /// Changes what the edit gives and nothing else, after checking all of it: a bad value leaves the dataset as it was.
    /// An empty edit writes nothing.
    /// </summary>
    /// <exception cref="NotFoundException">No dataset of that name.</exception>
    /// <exception cref="FieldException">A value that cannot be used, named by its JSON name (<c>to</c>, <c>event_types</c>, ...).</exception>
    public Dataset Edit(string name, DatasetEdit edit)
    {
        var dataset = Require(name);
        if (edit.IsEmpty)
            return dataset;
        var edited = Apply(dataset, edit);
        if (edit.Continues is { } continues)
            edited = edited with { Coverage = edited.Coverage with { Continues = Continued(dataset, continues) } };
        return db.Datasets.Save(edited);
    }

    /// <summary>Makes the dataset the primary one (the one figures use when no scope names a dataset).</summary>
    /// <exception cref="NotFoundException">No dataset of that name.</exception>
    public Dataset SetPrimary(string name)
    {
        var dataset = Require(name);
        db.Datasets.SetPrimary(dataset.Name);
        return Require(dataset.Name);
    }

    /// <summary>The dataset another continues, as the database names it; null for <c>none</c>.</summary>
    private string? Continued(Dataset dataset, string name)
    {
        var text = Text("continues", name);
        if (string.Equals(text, "none", StringComparison.OrdinalIgnoreCase))
            return null;
        var all = db.Datasets.List();
        var target = all.FirstOrDefault(d => string.Equals(d.Name, text, StringComparison.OrdinalIgnoreCase))
            ?? throw new FieldException("continues", $"no dataset named '{text}': the datasets are {string.Join(", ", all.Select(d => d.Name))}");
        if (target.Name == dataset.Name)
            throw new FieldException("continues", "a dataset cannot continue itself");
        if (string.Equals(target.Coverage.Continues, dataset.Name, StringComparison.Ordinal))
            throw new FieldException("continues", $"{target.Name} continues {dataset.Name} already: two datasets cannot continue each other");
        return target.Name;
    }

    private Dataset Require(string name)
    {
        var all = db.Datasets.List();
        return all.FirstOrDefault(d => string.Equals(d.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new NotFoundException($"dataset '{name}'", all.Count == 0
                ? "the database holds none yet (vigil import adds one)"
                : "the datasets are " + string.Join(", ", all.Select(d => d.Name)));
    }

    private static Dataset Apply(Dataset dataset, DatasetEdit edit)
    {
        var c = dataset.Coverage;
        var coverage = c with
        {
            From = edit.From is null ? c.From : Day("from", edit.From, end: false),
            To = edit.To is null ? c.To : Day("to", edit.To, end: true),
            Gaps = edit.Gaps is null ? c.Gaps : Gaps(edit.Gaps),
            Countries = edit.Countries is null ? c.Countries : Countries(edit.Countries),
            EventTypes = edit.EventTypes is null ? c.EventTypes : EventTypes(edit.EventTypes),
            Kinds = edit.Kinds is null ? c.Kinds : Text("kinds", edit.Kinds),
            NotRecorded = edit.NotRecorded is null ? c.NotRecorded : NotRecorded(edit.NotRecorded),
            Comprehensive = edit.Comprehensive ?? c.Comprehensive,
        };
        CheckBounds(coverage, edit);
        return dataset with
        {
            Title = edit.Title is null ? dataset.Title : NotEmpty("title", edit.Title, "give the name surfaces show"),
            Description = edit.Description is null ? dataset.Description : Text("description", edit.Description, lines: true),
            Citation = edit.Citation is null ? dataset.Citation : Text("citation", edit.Citation, lines: true),
            Licence = edit.Licence is null ? dataset.Licence : NotEmpty("licence", edit.Licence, "write 'not stated' when the dataset states none"),
            Redistributable = edit.Redistributable ?? dataset.Redistributable,
            Coverage = coverage,
        };
    }

    private static string NotEmpty(string field, string text, string hint) =>
        Text(field, text) is { Length: > 0 } trimmed ? trimmed : throw new FieldException(field, "must not be empty: " + hint);

    /// <summary>The text trimmed, refused if it holds a control character (an escape sequence would reach every terminal and report that shows it).</summary>
    private static string Text(string field, string text, bool lines = false)
    {
        var trimmed = text.Trim();
        foreach (var c in trimmed)
        {
            if (char.IsControl(c) && !(lines && c is '\n' or '\r' or '\t'))
                throw new FieldException(field, $"contains the control character U+{(int)c:X4}{(lines ? "" : "; it is one line of text")}");
        }
        return trimmed;
    }

    /// <summary>A declared bound: a day (a month or year for its first or last day), or <c>none</c> to follow the data.</summary>
    private static DateOnly? Day(string field, string text, bool end)
    {
        var trimmed = text.Trim();
        if (string.Equals(trimmed, "none", StringComparison.OrdinalIgnoreCase))
            return null;
        return Date(field, trimmed, end, $"'{text}' is not a date (YYYY-MM-DD, YYYY-MM or YYYY), nor none (to follow the data)");
    }

    private static DateOnly Date(string field, string text, bool end, string problem)
    {
        if (ScopeParser.ParseDate(text, end) is not { } day)
            throw new FieldException(field, problem);
        return DateBounds.Contains(day) ? day : throw new FieldException(field, $"{day:yyyy-MM-dd} is outside the dates Vigil covers: give one {DateBounds.Text}");
    }

    private static IReadOnlyList<DaySpan> Gaps(IReadOnlyList<string> gaps)
    {
        var spans = new List<DaySpan>();
        foreach (var gap in gaps)
        {
            var parts = (gap ?? "").Split("..");
            var problem = $"'{gap}' is not FROM..TO (two dates, YYYY-MM-DD, YYYY-MM or YYYY: 1993..1993 is that year)";
            if (parts.Length != 2)
                throw new FieldException("gaps", problem);
            var span = new DaySpan(Date("gaps", parts[0].Trim(), end: false, problem), Date("gaps", parts[1].Trim(), end: true, problem));
            if (span.To < span.From)
                throw new FieldException("gaps", $"'{gap}': its end ({span.To:yyyy-MM-dd}) is before its start ({span.From:yyyy-MM-dd})");
            if (!spans.Contains(span))
                spans.Add(span);
        }
        return [.. spans.OrderBy(s => s.From).ThenBy(s => s.To)];
    }

    private static IReadOnlyList<string> Countries(IReadOnlyList<string> countries)
    {
        var names = new List<string>();
        foreach (var country in countries)
        {
            if (string.IsNullOrWhiteSpace(country))
                throw new FieldException("countries", "a country's name must not be empty");
            // The names incidents carry: PAK and pakistan are Pakistan; a country outside the gazetteer is kept as written.
            var name = Geo.Countries.Iso3Of(country) is { } iso ? Geo.Countries.NameByIso3[iso] : Text("countries", country);
            if (!names.Contains(name, StringComparer.OrdinalIgnoreCase))
                names.Add(name);
        }
        return names;
    }

    private static IReadOnlyList<EventType> EventTypes(IReadOnlyList<string> types)
    {
        var parsed = new List<EventType>();
        foreach (var type in types)
        {
            if (!EnumText<EventType>.TryParse(type?.Trim(), out var t))
                throw new FieldException("event_types", $"'{type}' is not one of: {string.Join(", ", EnumText<EventType>.All)}");
            if (!parsed.Contains(t))
                parsed.Add(t);
        }
        return parsed;
    }

    private static IReadOnlyList<string> NotRecorded(IReadOnlyList<string> metrics)
    {
        var parsed = new List<string>();
        foreach (var metric in metrics)
        {
            var known = Metrics.FirstOrDefault(m => string.Equals(m, metric?.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new FieldException("not_recorded", $"'{metric}' is not one of: {string.Join(", ", Metrics)}");
            if (!parsed.Contains(known))
                parsed.Add(known);
        }
        return [.. Metrics.Where(parsed.Contains)];
    }

    /// <summary>The coverage must still run forwards once the edit is applied (a bound not declared is the data's).</summary>
    private static void CheckBounds(DatasetCoverage coverage, DatasetEdit edit)
    {
        if (coverage.EffectiveFrom is not { } from || coverage.EffectiveTo is not { } to || to >= from)
            return;
        string Whose(DateOnly? declared) => declared is null ? ", the span of its data" : "";
        if (edit.To is not null)
            throw new FieldException("to", $"{to:yyyy-MM-dd} is before from ({from:yyyy-MM-dd}{Whose(coverage.From)})");
        throw new FieldException("from", $"{from:yyyy-MM-dd} is after to ({to:yyyy-MM-dd}{Whose(coverage.To)})");
    }
}

using Vigil.Domain.Accountability;
using Vigil.Domain.Border;
using Vigil.Domain.Errors;
using Vigil.Domain.Time;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vigil.Accountability.Files;

/// <summary>A key one item names (an engagement, a crossing) and where in the file it is named.</summary>
public sealed record FileReference(string Kind, string Key, InputLocation Location);

/// <summary>What a file held, and the references in it that must resolve (in the file or the database).</summary>
public sealed record AccountabilityFile(AccountabilitySet Set, IReadOnlyList<FileReference> References);

/// <summary>
/// Reads engagements, commitments, crossings and status events from JSON or YAML (one parser: JSON is read
/// as YAML's flow style, so both report the same line and column). The layout is the one
/// <see cref="AccountabilityFileWriter"/> writes. Every item is checked; the first problem stops the read.
/// </summary>
public static class AccountabilityFileReader
{
    public static AccountabilityFile Read(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    public static AccountabilityFile Parse(string text, string fileName)
    {
        var root = new YamlFields(Root(text, fileName), fileName, "", "engagements", "commitments", "crossings", "status_events", "note");
        var references = new List<FileReference>();
        var set = new AccountabilitySet
        {
            Engagements = Each(root, "engagements", fileName, EngagementFields, ReadEngagement),
            Commitments = Each(root, "commitments", fileName, CommitmentFields, f => ReadCommitment(f, fileName, references)),
            Crossings = Each(root, "crossings", fileName, CrossingFields, ReadCrossing),
            StatusEvents = Each(root, "status_events", fileName, EventFields, f => ReadEvent(f, fileName, references)),
        };
        Unique(root, "engagements", set.Engagements.Select(e => e.Key));
        Unique(root, "commitments", set.Commitments.Select(e => e.Key));
        Unique(root, "crossings", set.Crossings.Select(e => e.Key));
        return new AccountabilityFile(set, references);
    }

    /// <summary>One implementation score as a JSON or YAML object (the layout of an item of a commitment's scores).</summary>
    public static ImplementationScore ParseScore(string text, string fileName) =>
        ReadScore(new YamlFields(Root(text, fileName), fileName, "", ScoreFields));

    /// <summary>One status event of a known crossing as a JSON or YAML object (status, from, reason, source, sample).</summary>
    public static StatusEvent ParseStatusEvent(string text, string fileName, string crossingKey)
    {
        var f = new YamlFields(Root(text, fileName), fileName, "", EventFields);
        if (f.Find("status") is null)
            throw f.Error("status", "is required (open, closed, partially-open)");
        return new StatusEvent
        {
            CrossingKey = crossingKey,
            Status = f.Enum("status", CrossingStatus.Open),
            From = f.RequiredDay("from"),
            Reason = f.Text("reason"),
            Source = f.Find("source") is { } src ? ReadCitation(src, f, "source") : null,
            Sample = f.Bool("sample"),
        };
    }

    private static YamlNode Root(string text, string fileName)
    {
        var stream = new YamlStream();
        try
        {
            RefuseAliases(text, fileName);
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new InputException(new InputLocation(fileName, e.Start.Line, (int)e.Start.Column), "not valid JSON or YAML: " + Inner(e).Message);
        }
        return stream.Documents.Count == 0 ? throw new InputException(new InputLocation(fileName, 1, 1), "the body is empty") : stream.Documents[0].RootNode;
    }

    /// <summary>
    /// YAML aliases (*name) let a short file stand for an enormous one; these files never need them, so they
    /// are refused before the document is built.
    /// </summary>
    private static void RefuseAliases(string text, string fileName)
    {
        var parser = new Parser(new StringReader(text));
        while (parser.MoveNext())
        {
            if (parser.Current is YamlDotNet.Core.Events.AnchorAlias alias)
                throw new InputException(new InputLocation(fileName, alias.Start.Line, (int)alias.Start.Column), $"aliases (*{alias.Value}) are not accepted: write the values out");
        }
    }

    private static readonly string[] ScoreFields = ["assessed_on", "score", "evidence", "analyst", "source"];

    private static ImplementationScore ReadScore(YamlFields s) => Checked(s, new ImplementationScore
    {
        AssessedOn = s.RequiredDay("assessed_on"),
        Score = s.Int("score") ?? throw s.Error("score", "is required (0 not initiated, 1 minimal, 2 intermediate, 3 full)"),
        Evidence = s.Required("evidence"),
        Analyst = s.Text("analyst"),
        Source = s.Find("source") is { } src ? ReadCitation(src, s, "source") : null,
    }, x => x.Problem());

    private static readonly string[] EngagementFields = ["key", "start", "end", "place", "parties", "delegation", "format", "topics", "outcome", "sources", "sample", "note"];
    private static readonly string[] CommitmentFields = ["key", "engagement", "made_on", "made_by", "made_to", "words", "source", "category", "deadline", "indicator", "scores", "sample", "note"];
    private static readonly string[] CrossingFields = ["key", "name", "pakistan_name", "afghanistan_name", "region", "latitude", "longitude", "type", "coordinates_source", "note"];
    private static readonly string[] EventFields = ["crossing", "status", "from", "reason", "source", "sample", "note"];

    private static List<T> Each<T>(YamlFields root, string field, string file, string[] known, Func<YamlFields, T> read) =>
        root.Items(field).Select((node, i) => read(new YamlFields(node, file, $"{field}[{i}]", known))).ToList();

    private static void Unique(YamlFields root, string field, IEnumerable<string> keys)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, i) in keys.Select((k, i) => (k, i)))
            if (!seen.Add(key))
                throw new InputException(root.Location(field) with { Field = $"{field}[{i}].key" }, $"'{key}' appears more than once");
    }

    private static T Checked<T>(YamlFields f, T item, Func<T, (string Field, string Problem)?> problem) =>
        problem(item) is { } p ? throw f.Error(p.Field.Split('.')[0], p.Problem) : item;

    private static Engagement ReadEngagement(YamlFields f) => Checked(f, new Engagement
    {
        Key = f.Required("key"),
        Start = f.RequiredDay("start"),
        End = f.Day("end"),
        Place = f.Text("place"),
        Parties = f.Strings("parties"),
        Delegation = f.Strings("delegation"),
        Format = f.Enum("format", EngagementFormat.Talks),
        Topics = f.Strings("topics"),
        Outcome = f.Text("outcome"),
        Sources = f.Items("sources").Select((n, i) => ReadCitation(n, f, $"sources[{i}]")).ToList(),
        Sample = f.Bool("sample"),
    }, e => e.Problem());

    private static Commitment ReadCommitment(YamlFields f, string file, List<FileReference> references)
    {
        if (f.Find("indicator") is not { } indicatorNode)
            throw f.Error("indicator", "is required: the saved query that measures the commitment");
        var indicator = ReadIndicator(new YamlFields(indicatorNode, file, f.Path("indicator"),
            "name", "metric", "filter", "unit", "direction", "baseline_periods", "after_periods"), file, references);
        var scores = f.Items("scores").Select((n, i) => ReadScore(new YamlFields(n, file, f.Path($"scores[{i}]"), ScoreFields))).ToList();
        var commitment = Checked(f, new Commitment
        {
            Key = f.Required("key"),
            EngagementKey = f.Required("engagement"),
            MadeOn = f.RequiredDay("made_on"),
            MadeBy = f.Required("made_by"),
            MadeTo = f.Text("made_to"),
            Words = f.Required("words"),
            Source = f.Find("source") is { } src ? ReadCitation(src, f, "source") : null,
            Category = f.Text("category"),
            Deadline = f.Day("deadline"),
            Indicator = indicator,
            Scores = scores,
            Sample = f.Bool("sample"),
        }, c => c.Problem());
        references.Add(new FileReference("engagement", commitment.EngagementKey, f.Location("engagement")));
        return commitment;
    }

    private static Indicator ReadIndicator(YamlFields f, string file, List<FileReference> references)
    {
        var filter = f.Find("filter") is { } node
            ? new YamlFields(node, file, f.Path("filter"), "countries", "provinces", "districts", "perpetrators", "event_types", "datasets", "crossing")
            : null;
        var indicator = Checked(f, new Indicator
        {
            Name = f.Required("name"),
            Metric = f.Enum("metric", IndicatorMetric.Attacks),
            Unit = f.Enum("unit", PeriodUnit.Month),
            Direction = f.Enum("direction", ProgressDirection.Decrease),
            BaselinePeriods = f.Int("baseline_periods") ?? 12,
            AfterPeriods = f.Int("after_periods") ?? 12,
            Filter = filter is null ? new() : new IndicatorFilter
            {
                Countries = filter.Strings("countries"),
                Provinces = filter.Strings("provinces"),
                Districts = filter.Strings("districts"),
                Perpetrators = filter.Strings("perpetrators"),
                EventTypes = filter.Strings("event_types"),
                Datasets = filter.Strings("datasets"),
                Crossing = filter.Text("crossing"),
            },
        }, i => i.Problem());
        if (indicator.Filter.Crossing is { } crossing)
            references.Add(new FileReference("crossing", crossing, filter!.Location("crossing")));
        return indicator;
    }

    private static Crossing ReadCrossing(YamlFields f) => Checked(f, new Crossing
    {
        Key = f.Required("key"),
        Name = f.Required("name"),
        PakistanName = f.Text("pakistan_name"),
        AfghanistanName = f.Text("afghanistan_name"),
        Region = f.Text("region"),
        Latitude = f.Double("latitude") ?? throw f.Error("latitude", "is required"),
        Longitude = f.Double("longitude") ?? throw f.Error("longitude", "is required"),
        Type = f.Text("type") ?? "land-crossing",
        CoordinatesSource = f.Text("coordinates_source"),
    }, c => c.Problem());

    private static StatusEvent ReadEvent(YamlFields f, string file, List<FileReference> references)
    {
        if (f.Find("status") is null)
            throw f.Error("status", "is required (open, closed, partially-open)");
        var e = new StatusEvent
        {
            CrossingKey = f.Required("crossing"),
            Status = f.Enum("status", CrossingStatus.Open),
            From = f.RequiredDay("from"),
            Reason = f.Text("reason"),
            Source = f.Find("source") is { } src ? ReadCitation(src, f, "source") : null,
            Sample = f.Bool("sample"),
        };
        references.Add(new FileReference("crossing", e.CrossingKey, f.Location("crossing")));
        return e;
    }

    private static Citation ReadCitation(YamlNode node, YamlFields parent, string field)
    {
        var f = new YamlFields(node, parent.Location(field).File, parent.Path(field), "name", "published", "url");
        return new Citation(f.Required("name"), f.Day("published"), f.Text("url"));
    }

    private static Exception Inner(Exception e) => e.InnerException is { } inner && e.Message.Contains("See inner", StringComparison.Ordinal) ? inner : e;
}

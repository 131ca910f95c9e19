using Vigil.Domain.Incidents;

namespace Vigil.Domain.Datasets;

/// <summary>
/// What Vigil knows of the datasets it reads, given to a dataset when it is first imported; analysts can change
/// every field afterwards (<c>vigil datasets edit</c>).
/// </summary>
public static class KnownDatasets
{
    /// <summary>
    /// Whether a dataset tells militant attacks from clashes and operations. UCDP does not: it codes state-based fighting
    /// without saying which side began it, so an attack on the state is a clash there (docs/method.md).
    /// </summary>
    public static bool TellsAttacksApart(string dataset) =>
        !dataset.StartsWith("ucdp", StringComparison.OrdinalIgnoreCase);

    private static readonly Dictionary<string, Dataset> Defaults = new(StringComparer.Ordinal)
    {
        ["ucdp-ged"] = new()
        {
            Name = "ucdp-ged",
            Title = "UCDP GED",
            Description = "Uppsala Conflict Data Program, Georeferenced Event Dataset: events of organised violence.",
            Citation = "Sundberg, Ralph and Erik Melander (2013), Introducing the UCDP Georeferenced Event Dataset, Journal of Peace Research 50(4); Davies, Shawn, Therése Pettersson and Magnus Öberg (2022), Organized violence 1989–2021 and drone warfare, Journal of Peace Research 59(4).",
            Licence = "CC BY 4.0",
            Coverage = new DatasetCoverage
            {
                WholeYears = true,
                Kinds = "organised violence (state-based, non-state, one-sided) with at least one death",
                EventTypes = [EventType.ArmedClash, EventType.AirOrDroneStrike, EventType.CrossBorderAttack, EventType.ViolenceAgainstCivilians],
                NotRecorded = ["injured"],
            },
        },
        ["ucdp-candidate"] = new()
        {
            Name = "ucdp-candidate",
            Title = "UCDP Candidate",
            Description = "Uppsala Conflict Data Program, Candidate Events Dataset: monthly, not yet fully coded.",
            Citation = "Hegre, Håvard, Mihai Croicu, Kristine Eck and Stina Högbladh (2020), Introducing the UCDP Candidate Events Dataset, Research & Politics 7(3).",
            Licence = "CC BY 4.0",
            Coverage = new DatasetCoverage
            {
                Kinds = "organised violence with at least one death, preliminary coding",
                Continues = "ucdp-ged",
                EventTypes = [EventType.ArmedClash, EventType.AirOrDroneStrike, EventType.CrossBorderAttack, EventType.ViolenceAgainstCivilians],
                NotRecorded = ["injured"],
            },
        },
        ["pbc-suicide"] = new()
        {
            Name = "pbc-suicide",
            Title = "PBC suicide attacks",
            Description = "Pakistan Body Count: suicide attacks in Pakistan.",
            Citation = "Pakistan Body Count (Zeeshan-ul-hassan Usmani), suicide attacks in Pakistan, distributed on Kaggle.",
            Licence = "none stated (all rights reserved)",
            Redistributable = false,
            Coverage = new DatasetCoverage { Kinds = "suicide attacks only", EventTypes = [EventType.SuicideBombing] },
        },
        ["pbc-drone"] = new()
        {
            Name = "pbc-drone",
            Title = "PBC drone strikes",
            Description = "Pakistan Body Count: US drone strikes in Pakistan.",
            Citation = "Pakistan Body Count (Zeeshan-ul-hassan Usmani), drone attacks in Pakistan, distributed on Kaggle.",
            Licence = "none stated (all rights reserved)",
            Redistributable = false,
            Coverage = new DatasetCoverage { Kinds = "drone strikes only", EventTypes = [EventType.AirOrDroneStrike] },
        },
        ["gtd"] = new()
        {
            Name = "gtd",
            Title = "GTD",
            Description = "Global Terrorism Database (START, University of Maryland).",
            Citation = "National Consortium for the Study of Terrorism and Responses to Terrorism (START), University of Maryland, Global Terrorism Database, https://www.start.umd.edu/gtd.",
            Licence = "GTD terms of use: no redistribution of the data",
            Redistributable = false,
            Coverage = new DatasetCoverage
            {
                Kinds = "terrorist attacks by the GTD's inclusion criteria",
                Gaps = [new DaySpan(new DateOnly(1993, 1, 1), new DateOnly(1993, 12, 31))],
            },
        },
        ["acled"] = new()
        {
            Name = "acled",
            Title = "ACLED",
            Description = "Armed Conflict Location & Event Data.",
            Citation = "Raleigh, Clionadh, Andrew Linke, Håvard Hegre and Joakim Karlsen (2010), Introducing ACLED, Journal of Peace Research 47(5); data from acleddata.com.",
            Licence = "ACLED terms of use: no redistribution of the rows",
            Redistributable = false,
            Coverage = new DatasetCoverage { Kinds = "ACLED's event types (political violence, demonstrations, strategic developments)", NotRecorded = ["injured"] },
        },
        [DatasetNames.Own] = new()
        {
            Name = DatasetNames.Own,
            Title = "Own records",
            Description = "The team's own records: incidents accepted from news reports and entered by hand.",
            Citation = "",
            Licence = "the team's own",
            Coverage = new DatasetCoverage { Kinds = "whatever the team recorded", Comprehensive = false },
        },
    };

    /// <summary>The defaults for a dataset of this name (an unknown name gets a plain entry that says so).</summary>
    public static Dataset For(string name) =>
        Defaults.TryGetValue(name, out var known) ? known : new Dataset
        {
            Name = name,
            Title = name,
            Description = "imported; describe it with vigil datasets edit",
        };
}

using Vigil.Domain.Incidents;

namespace Vigil.Extraction.Numbers;

/// <summary>The word lists casualty phrases are recognised by.</summary>
internal static class CasualtyWords
{
    public static readonly HashSet<string> KilledCues = new(StringComparer.Ordinal)
    {
        "killed", "dead", "died", "die", "martyred", "slain", "perished", "death", "deaths", "fatalities", "bodies", "lifeless", "assassinated", "beheaded",
    };

    public static readonly HashSet<string> InjuredCues = new(StringComparer.Ordinal)
    {
        "injured", "wounded", "hurt", "injuries", "injures", "stabbed",
    };

    /// <summary>People nouns that name the attackers of the attack reported: their deaths are not the toll.</summary>
    public static readonly HashSet<string> Attackers = new(StringComparer.Ordinal)
    {
        "attacker", "attackers", "bomber", "bombers", "gunman", "gunmen", "assailant", "assailants", "raider", "raiders",
    };

    /// <summary>After a people noun, words that end the noun phrase: the people are something other than hurt ("5 militants arrested").</summary>
    public static readonly HashSet<string> Statuses = new(StringComparer.Ordinal)
    {
        "displaced", "homeless", "arrested", "detained", "rescued", "evacuated", "kidnapped", "abducted", "missing", "held", "captured",
        "apprehended", "surrendered", "freed", "released", "toll",
    };

    /// <summary>Verbs of saying: a people noun before one is the source of the report ("a district official said"), not a victim or a target.</summary>
    public static readonly HashSet<string> SpeechVerbs = new(StringComparer.Ordinal)
    {
        "said", "say", "says", "told", "tell", "confirmed", "confirm", "confirms", "added", "stated", "reported", "maintained",
        "claimed", "informed", "briefed", "quoted", "explained", "disclosed", "revealed",
    };

    /// <summary>Nouns that state a whole ("141 people"), so a list after them is its breakdown, not more people.</summary>
    public static readonly HashSet<string> Collective = new(StringComparer.Ordinal)
    {
        "people", "persons", "person", "others", "individuals",
    };

    /// <summary>
    /// Words that say the following figure is a part of one already given ("including 3 soldiers"). "Among" opens
    /// a part only as "among them" or after a comma: in "a commander among six killed" the six are the whole.
    /// </summary>
    public static readonly HashSet<string> SubsetOpeners = new(StringComparer.Ordinal)
    {
        "including", "includes", "included", "mostly", "mainly", "incl",
    };

    /// <summary>Verbs before the number: "killed 13 militants", "wounding four".</summary>
    public static readonly Dictionary<string, CasualtyKind> VerbsBefore = new(StringComparer.Ordinal)
    {
        ["killed"] = CasualtyKind.Killed,
        ["killing"] = CasualtyKind.Killed,
        ["kills"] = CasualtyKind.Killed,
        ["kill"] = CasualtyKind.Killed,
        ["martyred"] = CasualtyKind.Killed,
        ["martyring"] = CasualtyKind.Killed,
        ["slew"] = CasualtyKind.Killed,
        ["stabbed"] = CasualtyKind.Injured,
        ["stabbing"] = CasualtyKind.Injured,
        ["wounded"] = CasualtyKind.Injured,
        ["wounding"] = CasualtyKind.Injured,
        ["wounds"] = CasualtyKind.Injured,
        ["wound"] = CasualtyKind.Injured,
        ["injured"] = CasualtyKind.Injured,
        ["injuring"] = CasualtyKind.Injured,
        ["injures"] = CasualtyKind.Injured,
        ["injure"] = CasualtyKind.Injured,
    };

    /// <summary>Nouns after a number that make it something other than people hurt ("16,000 displaced", "15 km").</summary>
    public static readonly HashSet<string> Blockers = new(StringComparer.Ordinal)
    {
        "displaced", "homeless", "houses", "homes", "shops", "vehicles", "cars", "buildings", "year", "years", "month", "months",
        "day", "days", "hour", "hours", "minute", "minutes", "week", "weeks", "km", "kilometres", "kilometers", "kilometre", "kilometer",
        "miles", "mile", "metres", "meters", "feet", "percent", "per", "%", "attacks", "attack", "incidents", "operations", "times", "rupees",
        "rs", "kg", "kilogrammes", "kilograms", "tonnes", "arrested", "detained", "rescued", "evacuated", "kidnapped", "abducted", "missing",
        "held", "captured", "apprehended", "surrendered", "freed", "released", "injuries-free", "in", "at", "on", "near", "after", "from",
        "during", "by", "since", "for", "with", "when", "while", "as", "than", "cases", "schools", "toll",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "am", "pm", "gmt", "pkt", "o'clock",
    };

    public static readonly HashSet<string> Months = new(StringComparer.Ordinal)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    };

    /// <summary>People nouns and the breakdown group they belong to (singular and plural).</summary>
    public static readonly Dictionary<string, TargetType> People = Build();

    private static Dictionary<string, TargetType> Build()
    {
        var d = new Dictionary<string, TargetType>(StringComparer.Ordinal);
        void Add(TargetType t, params string[] words)
        {
            foreach (var w in words)
                d[w] = t;
        }
        Add(TargetType.SecurityForces, "soldier", "soldiers", "troops", "trooper", "troopers", "personnel", "jawan", "jawans", "officer", "officers",
            "sepoy", "sepoys", "guard", "guards", "sailor", "sailors", "airman", "airmen", "commando", "commandos", "paramilitary", "paramilitaries", "levies", "fc", "ranger", "rangers");
        Add(TargetType.Police, "policeman", "policemen", "police", "policemen", "cop", "cops", "constable", "constables", "cops", "inspector", "inspectors", "sub-inspector", "sub-inspectors");
        Add(TargetType.Militants, "militant", "militants", "terrorist", "terrorists", "insurgent", "insurgents", "attacker", "attackers",
            "bomber", "bombers", "gunman", "gunmen", "rebel", "rebels", "fighter", "fighters", "commander", "commanders", "khawarij", "assailant", "assailants", "raider", "raiders");
        Add(TargetType.Worshippers, "worshipper", "worshippers", "worshiper", "worshipers", "devotee", "devotees", "pilgrim", "pilgrims");
        Add(TargetType.Civilians, "civilian", "civilians", "people", "person", "persons", "man", "men", "woman", "women", "child", "children",
            "boy", "boys", "girl", "girls", "student", "students", "passer-by", "passers-by", "passenger", "passengers", "resident", "residents",
            "villager", "villagers", "individuals", "individual", "labourer", "labourers", "worker", "workers", "others", "member", "members", "tribesman", "tribesmen", "teacher", "teachers",
            "shopkeeper", "shopkeepers", "trader", "traders", "driver", "drivers", "porter", "porters", "engineer", "engineers", "cleric", "clerics",
            "doctor", "doctors", "judge", "judges", "farmer", "farmers", "elder", "elders", "miner", "miners", "employee", "employees",
            "guest", "guests", "mourner", "mourners", "lawyer", "lawyers", "brother", "brothers", "cousin", "cousins", "son", "sons",
            "daughter", "daughters", "father", "mother", "wife", "husband", "nephew", "nephews", "relative", "relatives", "friend", "friends",
            "colleague", "colleagues", "companion", "companions", "clerk", "clerks", "watchman", "servant", "servants", "cook", "gardener");
        Add(TargetType.Media, "journalist", "journalists", "reporter", "reporters");
        Add(TargetType.Government, "official", "officials", "leader", "leaders", "politician", "politicians");
        return d;
    }

    /// <summary>Singular people nouns that count one after "a"/"an": "a policeman was killed".</summary>
    public static bool IsSingularPerson(string w) =>
        People.ContainsKey(w) && !w.EndsWith('s') && w is not ("people" or "police" or "men" or "women" or "children" or "personnel" or "levies" or "troops" or "gunmen" or "policemen" or "tribesmen");
}

public enum CasualtyKind
{
    Killed,
    Injured,
}

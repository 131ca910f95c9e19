using Vigil.Geo;
using Vigil.Reports.Model;

namespace Vigil.Reports.Tests;

/// <summary>
/// A realistic monthly report for Pakistan, December 2021, with districts and provinces by their real
/// gazetteer names. November 2021 had no incident recorded, so the month-on-month changes start from zero.
/// </summary>
public static class SampleReport
{
    public static readonly string[] NotableUrls =
    [
        "https://www.dawn.com/news/1661000/attack-on-security-post-in-north-waziristan",
        "https://tribune.com.pk/story/2333000/quetta-blast",
        "https://www.geo.tv/latest/385000-peshawar-mosque",
    ];

    public static MonthlyReport Create(int notableCount = 6)
    {
        var trend = Trend();
        return new MonthlyReport(
            Title: "Security assessment — December 2021",
            Scope: "Pakistan",
            Month: "2021-12",
            GeneratedAt: new DateTimeOffset(2022, 1, 3, 9, 30, 0, TimeSpan.Zero),
            Headlines:
            [
                new HeadlineFigure("Incidents", 24, 0, 19, "+24 on November 2021 (none recorded then); +5 (+26.3%) on December 2020", 0),
                new HeadlineFigure("Killed", 87, 0, 61, "+87 on November 2021 (none recorded then); +26 (+42.6%) on December 2020", 2),
                new HeadlineFigure("Injured", 143, 0, 150, "+143 on November 2021 (none recorded then); −7 (−4.7%) on December 2020", 3),
            ],
            Statements:
            [
                "December 2021 was the deadliest month since July 2018 (87 killed).",
                "Killed in Khyber Pakhtunkhwa: 52, the most in a month since February 2019.",
                "Incidents in Balochistan rose from none in November 2021 to 8.",
            ],
            Trend: trend,
            ByProvince:
            [
                new BreakdownRow("Khyber Pakhtunkhwa", 14, 52, 81),
                new BreakdownRow("Balochistan", 8, 31, 57),
                new BreakdownRow("Sindh", 1, 2, 3),
                new BreakdownRow("Punjab", 1, 2, 2),
            ],
            ByActor:
            [
                new BreakdownRow("Tehrik-i-Taliban Pakistan (TTP)", 11, 46, 70),
                new BreakdownRow("Balochistan Liberation Army (BLA)", 5, 19, 31),
                new BreakdownRow("Islamic State Khorasan Province (ISKP)", 2, 14, 29),
                new BreakdownRow("Unknown", 6, 8, 13),
            ],
            ByEventType:
            [
                new BreakdownRow("Suicide bombing", 3, 38, 77),
                new BreakdownRow("Armed assault", 9, 29, 30),
                new BreakdownRow("IED explosion", 7, 15, 33),
                new BreakdownRow("Targeted killing", 5, 5, 3),
            ],
            Districts:
            [
                District("North Waziristan", killed: 30, incidents: 6),
                District("Peshawar", killed: 22, incidents: 5),
                District("Quetta", killed: 25, incidents: 5),
                District("Kech", killed: 6, incidents: 3),
                District("Karachi", killed: 2, incidents: 1),
                District("Dera Ghazi Khan", killed: 2, incidents: 1),
                District("Bannu", killed: 0, incidents: 3),
            ],
            Notable: Notable(notableCount),
            Method: new MethodNote(
                ["UCDP Georeferenced Event Dataset 22.1 (Pakistan)", "Vigil incidents reviewed by analysts"],
                [
                    "Killed and injured are sums of best estimates; perpetrators killed are included.",
                    "An incident counts in the month it started.",
                    "Unknown is not zero: incidents without a figure are counted apart.",
                ],
                ["UCDP GED, CC BY 4.0 (Sundberg & Melander 2013)", "Boundaries: geoBoundaries (Runfola et al. 2020)"]))
        {
            ByCategory =
            [
                new BreakdownRow("militant-attack", 15, 61, 120),
                new BreakdownRow("security-operation", 6, 19, 12),
                new BreakdownRow("armed-clash", 3, 7, 11),
            ],
        };
    }

    /// <summary>A district of Pakistan as the statistics would give it: the gazetteer's name and polygon id.</summary>
    public static DistrictValue District(string name, long killed, long incidents)
    {
        var district = Gazetteer.Bundled.FindDistrict(name, "PAK")
            ?? throw new InvalidOperationException($"{name} is not a district of Pakistan in the gazetteer");
        return new DistrictValue("Pakistan", district.Name, district.BoundaryId, killed, incidents);
    }

    /// <summary>January 2020 to December 2021; November 2021 recorded nothing.</summary>
    private static SeriesPoint[] Trend()
    {
        int[] incidents = [14, 11, 16, 12, 9, 13, 17, 15, 12, 18, 16, 19, 13, 15, 20, 14, 18, 22, 17, 21, 16, 19, 0, 24];
        int[] killed = [38, 27, 45, 30, 22, 35, 51, 40, 29, 48, 44, 61, 33, 39, 58, 36, 47, 66, 42, 55, 41, 50, 0, 87];
        var points = new SeriesPoint[24];
        for (var i = 0; i < 24; i++)
        {
            var period = new DateOnly(2020, 1, 1).AddMonths(i).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            points[i] = new SeriesPoint(period, incidents[i], killed[i], (long)(killed[i] * 1.6));
        }
        // The report's month agrees with its headline figures.
        points[^1] = points[^1] with { Injured = 143 };
        return points;
    }

    private static NotableIncident[] Notable(int count)
    {
        (string Date, string Place, string Type, string? By, string Killed, string Injured)[] seeds =
        [
            ("2021-12-14", "Mir Ali, North Waziristan, Khyber Pakhtunkhwa", "Armed assault", "Tehrik-i-Taliban Pakistan (TTP)", "17 (15–19)", "9"),
            ("2021-12-09", "Quetta, Balochistan", "Suicide bombing", "Islamic State Khorasan Province (ISKP)", "14", "29 (25–31)"),
            ("2021-12-21", "Peshawar, Khyber Pakhtunkhwa", "Suicide bombing", null, "12 (at least)", "40"),
            ("2021-12-02", "Turbat, Kech, Balochistan", "IED explosion", "Balochistan Liberation Army (BLA)", "6", "11"),
            ("2021-12-27", "Miranshah, North Waziristan, Khyber Pakhtunkhwa", "Armed assault", "Tehrik-i-Taliban Pakistan (TTP)", "5", "unknown"),
            ("2021-12-18", "Karachi, Sindh", "Targeted killing", null, "2", "0"),
        ];
        var list = new NotableIncident[count];
        for (var i = 0; i < count; i++)
        {
            var s = seeds[i % seeds.Length];
            SourceLine[] sources = (i % 3) switch
            {
                0 => [new SourceLine($"Dawn, {s.Date}", NotableUrls[(i / 3) % NotableUrls.Length] + (i < 3 ? "" : $"-{i}")), new SourceLine("ISPR press release", null)],
                1 => [new SourceLine($"The Express Tribune, {s.Date}", NotableUrls[1] + (i < 3 ? "" : $"-{i}"))],
                _ => [new SourceLine("Police statement quoted by local journalists", null)],
            };
            list[i] = new NotableIncident(1000 + i, s.Date, s.Place, s.Type, s.By, s.Killed, s.Injured, sources);
        }
        return list;
    }
}

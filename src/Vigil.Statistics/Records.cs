using System.Globalization;
using Vigil.Domain.Claims;
using Vigil.Domain.Time;

namespace Vigil.Statistics;

/// <summary>
/// A record: the period's value is the highest since <see cref="Since"/> — the most recent earlier period
/// with a value at least as high — or, when there is none, the highest since records began
/// (<see cref="AllTime"/>, records beginning with <see cref="FirstPeriod"/>).
/// </summary>
public sealed record RecordStatement(ClaimMetric Metric, Period Period, long Value, Period? Since, long? SinceValue, Period FirstPeriod)
{
    public bool AllTime => Since is null;

    /// <summary>How many periods lie between the record and the earlier period that matched it.</summary>
    public int Gap => Since is { } s ? Steps(s, Period) : Steps(FirstPeriod, Period) + 1;

    /// <summary>"the deadliest month since July 2018 (142 killed then)", or "... since records began in January 1989".</summary>
    public string Describe()
    {
        var unit = Period.UnitName(Period.Unit);
        var inv = CultureInfo.InvariantCulture;
        var what = Metric switch
        {
            ClaimMetric.Killed => $"the deadliest {unit}",
            ClaimMetric.Injured => $"the most people injured in a {unit}",
            _ => $"the most incidents in a {unit}",
        };
        return Since is { } since
            ? string.Create(inv, $"{what} since {since.Name} ({SinceValue:N0} {Noun(Metric)} then)")
            : $"{what} since records began in {FirstPeriod.Name}";
    }

    internal static string Noun(ClaimMetric metric) => metric switch
    {
        ClaimMetric.Killed => "killed",
        ClaimMetric.Injured => "injured",
        _ => "incidents",
    };

    private static int Steps(Period from, Period to)
    {
        var n = 0;
        for (var p = from; p.CompareTo(to) < 0; p = p.Next())
            n++;
        return n;
    }
}

/// <summary>
/// Record statements, on a documented minimum basis: the period itself fully covered, a value of at least
/// <see cref="MinimumValue"/>, and the comparison reaching back only over fully covered periods. A period that beats
/// everything before it is called the highest "since records began" only when at least <see cref="MinimumPeriods"/>
/// fully covered periods lie before it, records beginning with the first of them; otherwise nothing is said.
/// </summary>
public static class Records
{
    public const int MinimumPeriods = 12;
    public const long MinimumValue = 10;

    /// <summary>
    /// The record statement for the period at <paramref name="index"/> of a contiguous series whose values are null
    /// where a period is not fully covered, or null when there is nothing to call a record.
    /// </summary>
    public static RecordStatement? Find(ClaimMetric metric, IReadOnlyList<(Period Period, long? Value)> series, int index)
    {
        if (series[index].Value is not { } value || value < MinimumValue)
            return null;
        var period = series[index].Period;
        var j = index - 1;
        for (; j >= 0 && series[j].Value is { } earlier; j--)
        {
            if (earlier >= value)
                return new RecordStatement(metric, period, value, series[j].Period, earlier, series[j + 1].Period);
        }
        var basis = index - 1 - j;
        return basis >= MinimumPeriods ? new RecordStatement(metric, period, value, null, null, series[j + 1].Period) : null;
    }
}

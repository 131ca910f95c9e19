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

public static class Records
{
    /// <summary>
    /// The record statement for the period at <paramref name="index"/> of a contiguous series, or null
    /// when its value is zero (nothing to call a record).
    /// </summary>
    public static RecordStatement? Find(ClaimMetric metric, IReadOnlyList<(Period Period, long Value)> series, int index)
    {
        var (period, value) = series[index];
        if (value <= 0)
            return null;
        for (var j = index - 1; j >= 0; j--)
        {
            if (series[j].Value >= value)
                return new RecordStatement(metric, period, value, series[j].Period, series[j].Value, series[0].Period);
        }
        return new RecordStatement(metric, period, value, null, null, series[0].Period);
    }
}

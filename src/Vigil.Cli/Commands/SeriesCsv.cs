using System.Globalization;
using Vigil.Ingestion.Formats.Vigil;
using Vigil.Statistics;

namespace Vigil.Cli.Commands;

internal static class SeriesCsv
{
    public const string Header = "period,key,incidents,killed_low,killed_best,killed_high,killed_unknown,injured_low,injured_best,injured_high,injured_unknown,change_previous,change_previous_percent,change_year_before,change_year_before_percent,record,spike_p_value";

    public static string Line(SeriesRows r)
    {
        static string Q(string? s) => s is null ? "" : "\"" + FormulaGuard.Escape(s)!.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var inv = CultureInfo.InvariantCulture;
        return string.Join(",",
            r.Period, Q(r.Key), r.Incidents.ToString(inv), r.KilledLow.ToString(inv), r.KilledBest.ToString(inv), r.KilledHigh.ToString(inv), r.KilledUnknown.ToString(inv),
            r.InjuredLow.ToString(inv), r.InjuredBest.ToString(inv), r.InjuredHigh.ToString(inv), r.InjuredUnknown.ToString(inv),
            r.ChangePrevious?.ToString(inv) ?? "", r.ChangePreviousPercent?.ToString(inv) ?? "", r.ChangeYearBefore?.ToString(inv) ?? "",
            r.ChangeYearBeforePercent?.ToString(inv) ?? "", Q(r.Record), r.SpikePValue?.ToString("R", inv) ?? "");
    }
}

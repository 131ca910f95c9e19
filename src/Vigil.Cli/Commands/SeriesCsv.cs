using System.Globalization;
using Vigil.Ingestion.Formats.Vigil;
using Vigil.Statistics;

namespace Vigil.Cli.Commands;

internal static class SeriesCsv
{
    public const string Header = "period,key,coverage,incidents,killed_low,killed_best,killed_high,killed_unknown,injured_low,injured_best,injured_high,injured_unknown,change_previous,change_previous_percent,change_year_before,change_year_before_percent,record,spike_p_value";

    public static string Line(SeriesRows r)
    {
        static string Q(string? s) => s is null ? "" : "\"" + FormulaGuard.Escape(s)!.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var inv = CultureInfo.InvariantCulture;
        // An empty cell where there is no figure (no data, not recorded, all unknown): never a zero.
        string N(long? v) => v?.ToString(inv) ?? "";
        return string.Join(",",
            r.Period, Q(r.Key), r.Coverage, N(r.Incidents), N(r.KilledLow), N(r.KilledBest), N(r.KilledHigh), N(r.KilledUnknown),
            N(r.InjuredLow), N(r.InjuredBest), N(r.InjuredHigh), N(r.InjuredUnknown),
            r.ChangePrevious?.ToString(inv) ?? "", r.ChangePreviousPercent?.ToString(inv) ?? "", r.ChangeYearBefore?.ToString(inv) ?? "",
            r.ChangeYearBeforePercent?.ToString(inv) ?? "", Q(r.Record), r.SpikePValue?.ToString("R", inv) ?? "");
    }
}

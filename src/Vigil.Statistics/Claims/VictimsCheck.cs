using System.Globalization;
using Vigil.Domain.Claims;
using Vigil.Domain.Incidents;
using Vigil.Storage;

namespace Vigil.Statistics.Claims;

/// <summary>
/// A claimed figure for one group of the dead — security forces, militants, civilians — against the incidents'
/// breakdowns of their dead (UCDP's deaths by side and civilians, GTD's perpetrators, PBC's civilians and
/// militants, an analyst's entry). An incident with deaths and no figure for the group leaves the group's total a
/// floor: a claim below that floor is contradicted, one above it cannot be ruled out. An incident with no deaths has
/// none of the group. Injuries are not broken down by any dataset, so a group's injuries are not checkable.
/// </summary>
internal static class VictimsCheck
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static CheckPart Check(IIncidentStore store, Claim claim, string victims, IncidentQuery periodQuery)
    {
        var group = victims.Trim().Replace(' ', '-').ToLowerInvariant();
        var what = ClaimChecker.Describe(claim);
        var claimed = claim.Value is { } v ? ClaimChecker.Qualified(claim.Qualifier, v) : "";
        var tolerance = "within 5% of the group's deaths in the incidents' breakdowns";
        if (claim.Metric != ClaimMetric.Killed)
            return new(what, Verdict.NotCheckable, claimed, null, null, null, null, tolerance,
                $"the claim counts only {victims}; no dataset breaks injuries or incidents down by whose they were");
        Func<CasualtyBreakdown, int?>? part = group switch
        {
            "security-forces" or "security" or "soldiers" => b => b.SecurityForces,
            "civilians" => b => b.Civilians,
            "militants" => b => b.Militants,
            _ => null,
        };
        if (part is null || claim.Value is not { } value)
            return new(what, Verdict.NotCheckable, claimed, null, null, null, null, tolerance,
                $"the claim counts only {victims}; Vigil breaks deaths down into security forces, civilians and militants only");

        long sum = 0, broken = 0, open = 0, incidents = 0;
        foreach (var incident in store.Query(periodQuery))
        {
            incidents++;
            if (incident.KilledBreakdown is { } b && part(b) is { } n)
            {
                sum += n;
                broken++;
            }
            else if (incident.Killed.Best is not 0)
            {
                open++; // deaths (or an unknown toll) with no figure for the group
            }
        }
        if (broken == 0 && open > 0)
            return new(what, Verdict.NotCheckable, claimed, null, null, null, null, tolerance,
                string.Create(Inv, $"none of the {incidents:N0} incidents in scope says how many of its dead were {victims}"));

        var low = sum * (1 - ClaimChecker.Tolerance);
        var high = sum * (1 + ClaimChecker.Tolerance);
        // With incidents not broken down, the group's true total is at least the sum: only the floor is certain.
        var verdict = claim.Qualifier switch
        {
            ValueQualifier.AtLeast => high >= value ? Verdict.Supported : open == 0 ? Verdict.Contradicted : Verdict.NotCheckable,
            ValueQualifier.MoreThan => high > value ? Verdict.Supported : open == 0 ? Verdict.Contradicted : Verdict.NotCheckable,
            ValueQualifier.AtMost => low > value ? Verdict.Contradicted : open == 0 ? Verdict.Supported : Verdict.NotCheckable,
            ValueQualifier.LessThan => low >= value ? Verdict.Contradicted : open == 0 ? Verdict.Supported : Verdict.NotCheckable,
            _ => value < low ? Verdict.Contradicted : open > 0 ? Verdict.NotCheckable : value <= high ? Verdict.Supported : Verdict.Contradicted,
        };
        var explanation = string.Create(Inv, $"the incidents' breakdowns give {sum:N0} {victims} killed ({broken:N0} of {incidents:N0} incidents say how many of their dead were {victims}); accepted band {low:N1}–{high:N1}");
        if (open > 0)
            explanation += string.Create(Inv, $"; {open:N0} incidents with deaths do not, so {sum:N0} is a floor");
        return new(what, verdict, claimed, sum, null, null, sum - value, tolerance, explanation);
    }
}

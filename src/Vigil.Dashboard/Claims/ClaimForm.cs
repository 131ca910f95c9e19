using System.Globalization;
using Vigil.Dashboard.Shell;
using Vigil.Domain.Claims;
using Vigil.Domain.Incidents;
using Vigil.Domain.Text;
using Vigil.Domain.Time;

namespace Vigil.Dashboard.Claims;

/// <summary>
/// One claim as the form (and so the URL) gives it: metric, value, qualifier, period, province, actor, type,
/// and optionally a percent change against a baseline, a record since a period ("one of" the top 3), or the
/// highest since records began.
/// </summary>
public sealed record ClaimForm(
    string? Metric, string? Value, string? Qualifier, string? Period, string? Province, string? Actor, string? Type,
    string? Change, string? Against, string? RecordSince, bool OneOf, bool AllTime)
{
    /// <summary>The datasets to check against, in order of precedence (none: the primary dataset; "all": every dataset).</summary>
    public IReadOnlyList<string> Datasets { get; init; } = [];

    public static ClaimForm Of(IQueryCollection q) => new(
        QueryText.One(q, "metric"), QueryText.One(q, "value"), QueryText.One(q, "qualifier"), QueryText.One(q, "period"),
        QueryText.One(q, "province"), QueryText.One(q, "actor"), QueryText.One(q, "type"),
        QueryText.One(q, "change"), QueryText.One(q, "against"), QueryText.One(q, "record_since"),
        QueryText.One(q, "one_of") is "true" or "on", QueryText.One(q, "all_time") is "true" or "on")
    {
        Datasets = [.. q["dataset"].OfType<string>().Select(d => d.Trim()).Where(d => d.Length > 0)],
    };

    /// <summary>Whether the form was filled in at all (a bare /claims shows an empty form, not errors).</summary>
    public bool IsSubmitted => Metric is not null || Period is not null || Value is not null;

    public (Claim? Claim, FieldError? Error) ToClaim()
    {
        var inv = CultureInfo.InvariantCulture;
        if (!EnumText<ClaimMetric>.TryParse(Metric, out var metric))
            return (null, new FieldError("metric", $"choose one of: {string.Join(", ", EnumText<ClaimMetric>.All)}"));
        if (!Domain.Time.Period.TryParse(Period, out var period))
            return (null, new FieldError("period", $"'{Period}' is not a period (YYYY-MM, YYYY, YYYY-Qn, YYYY-Www or YYYY-MM-DD)"));
        double? value = null;
        if (Value is not null)
        {
            if (!double.TryParse(Value, NumberStyles.Float, inv, out var v) || v < 0 || !double.IsFinite(v))
                return (null, new FieldError("value", $"'{Value}' is not a number of zero or more"));
            value = v;
        }
        var qualifier = ValueQualifier.Exactly;
        if (Qualifier is not null && !EnumText<ValueQualifier>.TryParse(Qualifier, out qualifier))
            return (null, new FieldError("qualifier", $"'{Qualifier}' is not one of: {string.Join(", ", EnumText<ValueQualifier>.All)}"));
        if (Type is not null && !EnumText<EventType>.TryParse(Type, out _))
            return (null, new FieldError("type", $"'{Type}' is not one of: {string.Join(", ", EnumText<EventType>.All)}"));

        ClaimComparison? comparison = null;
        if (Change is not null)
        {
            if (!double.TryParse(Change.TrimEnd('%'), NumberStyles.Float, inv, out var percent) || !double.IsFinite(percent))
                return (null, new FieldError("change", $"'{Change}' is not a percentage"));
            var against = ChangeBaseline.PreviousPeriod;
            if (Against is not null && !EnumText<ChangeBaseline>.TryParse(Against, out against))
                return (null, new FieldError("against", $"'{Against}' is not one of: {string.Join(", ", EnumText<ChangeBaseline>.All)}"));
            comparison = new ChangeComparison(percent, against);
        }
        if (RecordSince is not null)
        {
            if (comparison is not null)
                return (null, new FieldError("record_since", "give a percent change or a record, not both (check them as two claims)"));
            if (!Domain.Time.Period.TryParse(RecordSince, out var since))
                return (null, new FieldError("record_since", $"'{RecordSince}' is not a period (e.g. 2018-07)"));
            comparison = new RecordComparison(since, OneOf);
        }
        if (AllTime)
        {
            if (comparison is not null)
                return (null, new FieldError("all_time", "give one comparison per claim"));
            comparison = new AllTimeRecordComparison();
        }
        if (value is null && comparison is null)
            return (null, new FieldError("value", "give a value, a comparison, or both"));
        return (new Claim
        {
            Metric = metric,
            Period = period,
            Value = value,
            Qualifier = qualifier,
            Scope = new ClaimScope
            {
                Province = Province,
                Actor = Actor,
                EventTypes = Type is null ? [] : [EnumText<EventType>.Format(EnumText<EventType>.Parse(Type))],
                Datasets = Datasets,
            },
            Comparison = comparison,
        }, null);
    }
}

using Vigil.Domain.Incidents;

namespace Vigil.Domain.Tests;

public class CasualtyCountTests
{
    [Fact]
    public void Unknown_is_not_zero()
    {
        Assert.True(CasualtyCount.Unknown.IsUnknown);
        Assert.Null(CasualtyCount.Unknown.Best);
        Assert.False(CasualtyCount.Exactly(0).IsUnknown);
        Assert.Equal(0, CasualtyCount.Exactly(0).Best);
    }

    [Fact]
    public void A_negative_count_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CasualtyCount(-1, 2, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => CasualtyCount.Exactly(4) with { High = -4 });
    }

    [Fact]
    public void An_unordered_range_is_kept_as_given_and_reported()
    {
        var count = new CasualtyCount(5, 3, 2);

        Assert.Equal((5, 3, 2), (count.Low!.Value, count.Best!.Value, count.High!.Value));
        Assert.Equal(["low > best", "best > high"], count.Inconsistencies());
    }

    [Fact]
    public void Flags_name_which_ordering_rule_is_broken()
    {
        var flags = Incident.CasualtyFlags(new CasualtyCount(5, 3, 9), new CasualtyCount(1, 8, 4));

        Assert.Equal(QualityFlags.KilledLowAboveBest | QualityFlags.InjuredBestAboveHigh, flags);
        Assert.Equal(QualityFlags.None, Incident.CasualtyFlags(new CasualtyCount(1, 2, 3), CasualtyCount.Unknown));
        Assert.Equal(QualityFlags.LowAboveHigh, Incident.CasualtyFlags(new CasualtyCount(9, null, 4), CasualtyCount.Unknown));
    }
}

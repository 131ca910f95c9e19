using System.Net;

namespace Vigil.Server.Tests.Security;

/// <summary>Issue 13, defect 3: characters outside the Basic Multilingual Plane in names, on every path.</summary>
public sealed class NameMatchingUnicodeTests : IDisposable
{
    private readonly ApiFactory _api = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Names => ["𝐓𝐓𝐏", "💣", "Quetta\uD800", "\uDC00", "e\u0301\u0301", "\u202Eabc"];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Filters_with_characters_outside_the_basic_multilingual_plane_are_answered(string name)
    {
        _api.Seed(2);
        var viewer = _api.Client(Storage.ApiRole.Viewer);
        var q = Uri.EscapeDataString(name);

        foreach (var url in new[]
        {
            $"/api/v1/incidents?province={q}&district={q}&actor={q}",
            $"/api/v1/statistics/series?province={q}&district={q}&actor={q}",
            $"/api/v1/statistics/overview?province={q}",
            $"/api/v1/exports?format=csv&actor={q}",
        })
        {
            var response = await viewer.GetAsync(url, Ct);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode} {await response.Text()}");
        }
    }

    [Fact]
    public async Task Incidents_and_imports_with_such_names_are_stored()
    {
        var analyst = _api.Client(Storage.ApiRole.Analyst);
        var created = await analyst.PostAsync("/api/v1/incidents",
            Json.Body("""{"date_start":"2020-01-05","event_type":"bombing","admin1":"𝐓𝐓𝐏 💣","admin2":"\ud835\udc13","perpetrator":"𝐓𝐓𝐏"}"""), Ct);
        var imported = await _api.Client(Storage.ApiRole.Admin).PostAsync("/api/v1/imports?format=vigil-csv",
            SecurityTestSupport.Upload("dataset,source_id,date_start,event_type,admin1,admin2,perpetrator,target\nt,1,2020-01-06,bombing,𝐓𝐓𝐏 💣,𝐌𝐚𝐭𝐡,𝐓𝐓𝐏,🎯\n", "emoji.csv"), Ct);

        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Text());
        Assert.True(imported.StatusCode == HttpStatusCode.OK, await imported.Text());
    }

    public void Dispose() => _api.Dispose();
}

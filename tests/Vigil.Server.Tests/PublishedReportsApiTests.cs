using System.Globalization;
using System.Net;
using System.Text.Json;
using Vigil.Application.Reference;
using Vigil.Application.Reports;
using Vigil.Domain.Incidents;
using Vigil.Domain.Revisions;
using Vigil.Storage;
using Vigil.Storage.Backends;
using Vigil.TestSupport;

namespace Vigil.Server.Tests;

/// <summary>
/// /api/v1/reports/published and /{id}/diff over the bundled UCDP file: the list after two publishes, newest first; the
/// diff after hand-made changes equal to the one <see cref="PublishedReports.Diff"/> computes (the command line's) and to
/// the changes made; an unknown report 404, an id that is not one 400; as of a moment before a report, it is not there.
/// </summary>
public sealed class PublishedReportsApiTests : IDisposable
{
    private readonly ApiFactory _api = new();
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    public PublishedReportsApiTests() => _api.SeedUcdp();

    public void Dispose() => _api.Dispose();

    private PublishedReport Publish(string month, string? province, string by)
    {
        using var db = DatabaseLocation.Parse(_api.Database).Open(TimeProvider.System);
        return Reports(db).Publish(new MonthlyReportRequest { Month = month, Province = province }, by).Published;
    }

    private PublishedReports Reports(IVigilDatabase db) =>
        new(db, m => DatabaseLocation.Parse(_api.Database).OpenAsOf(m, TimeProvider.System), ReferenceData.Bundled, TimeProvider.System);

    private async Task<JsonElement> Get(string path, ApiRole role = ApiRole.Viewer)
    {
        var answer = await _api.Client(role).GetAsync(path, Ct);
        var text = await answer.Content.ReadAsStringAsync(Ct);
        Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{path}: {(int)answer.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static string Stamp(DateTimeOffset at) => Uri.EscapeDataString(at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));

    [Fact]
    public async Task Two_publishes_are_listed_newest_first_as_recorded()
    {
        var first = Publish("2021-11", null, "amina");
        await Task.Delay(20, Ct);
        var between = DateTimeOffset.UtcNow;
        await Task.Delay(20, Ct);
        var second = Publish("2021-12", "Balochistan", "bilal");

        var list = (await Get("/api/v1/reports/published")).EnumerateArray().ToList();
        Assert.Equal([second.Id, first.Id], list.Select(r => r.GetProperty("id").GetInt64()));
        Assert.Equal(["2021-12", "2021-11"], list.Select(r => r.GetProperty("month").GetString()));
        Assert.Equal([second.ScopeLabel, first.ScopeLabel], list.Select(r => r.GetProperty("scope").GetString()));
        Assert.Equal(["bilal", "amina"], list.Select(r => r.GetProperty("published_by").GetString()));
        Assert.Equal([second.Moment, first.Moment], list.Select(r => r.GetProperty("moment").GetDateTimeOffset()));
        Assert.Equal([second.DataVersion, first.DataVersion], list.Select(r => r.GetProperty("data_version").GetInt64()));
        Assert.Equal(JsonDocument.Parse(first.Figures).RootElement.GetArrayLength(), list[1].GetProperty("figures").GetInt32());

        // As of a moment between the two, only the first had been published; the second is not found then.
        var then = (await Get($"/api/v1/reports/published?as_of={Stamp(between)}")).EnumerateArray();
        Assert.Equal([first.Id], then.Select(r => r.GetProperty("id").GetInt64()));
        var missing = await _api.Client(ApiRole.Viewer).GetAsync($"/api/v1/reports/published/{second.Id}/diff?as_of={Stamp(between)}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains($"published report {second.Id} not found as of", await missing.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        Assert.Equal(1, (await Get("/api/v1/reports/published?limit=1")).GetArrayLength());
        var bad = await _api.Client(ApiRole.Viewer).GetAsync("/api/v1/reports/published?limit=0", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True(JsonDocument.Parse(await bad.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("errors").TryGetProperty("limit", out _));
    }

    [Fact]
    public async Task The_diff_is_the_one_computed_from_the_published_report_and_lists_the_changes_made()
    {
        var report = Publish("2021-12", null, "amina");
        ReportChanges changes;
        using (var db = DatabaseLocation.Parse(_api.Database).Open(TimeProvider.System))
        {
            changes = ReportChanges.MakeInDecember2021(db);
        }

        var answer = await Get($"/api/v1/reports/published/{report.Id}/diff");

        // The changes made, by hand.
        var incidents = answer.GetProperty("incidents").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetInt64(), i => i.GetProperty("change").GetString());
        Assert.Equal(new Dictionary<long, string?> { [changes.Edited] = "edited", [changes.Deleted] = "removed", [changes.Added] = "added" }, incidents);
        var killed = answer.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "headline/Killed");
        var before = long.Parse(killed.GetProperty("before").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal(changes.KilledAfter(before).ToString(CultureInfo.InvariantCulture), killed.GetProperty("after").GetString());
        Assert.Empty(answer.GetProperty("regenerated_differences").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("withheld").ValueKind);
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("as_of").ValueKind);
        Assert.Equal(report.Id, answer.GetProperty("report").GetProperty("id").GetInt64());
        Assert.Equal("2021-12-31", answer.GetProperty("period").GetProperty("to").GetString());

        // The same figures and incidents as the diff the command line computes.
        ReportDiff direct;
        using (var db = DatabaseLocation.Parse(_api.Database).Open(TimeProvider.System))
            direct = Reports(db).Diff(report.Id);
        Assert.Equal(direct.Figures.Select(f => (f.Name, f.Before, f.After)),
            answer.GetProperty("figures").EnumerateArray().Select(f => (f.GetProperty("name").GetString()!, f.GetProperty("before").GetString(), f.GetProperty("after").GetString())));
        Assert.Equal(direct.Incidents.Select(i => (i.Id, i.Change, i.Fields.Count)),
            answer.GetProperty("incidents").EnumerateArray().Select(i => (i.GetProperty("id").GetInt64(), i.GetProperty("change").GetString()!, i.GetProperty("fields").GetArrayLength())));
        Assert.Equal(direct.FigureCount, answer.GetProperty("figures_published").GetInt32());
    }

    [Fact]
    public async Task A_reader_who_may_not_receive_the_rows_gets_the_figures_without_the_incidents()
    {
        var report = Publish("2021-12", null, "amina");
        using (var db = DatabaseLocation.Parse(_api.Database).Open(TimeProvider.System))
        {
            var a = db.Incidents.Query(IncidentQuery.All with { From = new DateOnly(2021, 12, 1), To = new DateOnly(2021, 12, 31), Sort = IncidentSort.Id }).First(i => i.Killed.Best is > 0);
            db.Incidents.Update(a.Id, a.Revision, new ChangeContext("analyst:amina", "FIR"), i => i with { Killed = CasualtyCount.Exactly(400) });
        }
        var edit = await _api.Client(ApiRole.Admin).PutAsync("/api/v1/datasets/ucdp-ged", Json.Body("""{"redistributable": false}"""), Ct);
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);

        var analyst = await Get($"/api/v1/reports/published/{report.Id}/diff", ApiRole.Analyst);
        var viewer = await Get($"/api/v1/reports/published/{report.Id}/diff", ApiRole.Viewer);
        Assert.NotEmpty(analyst.GetProperty("incidents").EnumerateArray());
        Assert.Contains(analyst.GetProperty("figures").EnumerateArray(), f => f.GetProperty("name").GetString()!.StartsWith("deadliest/", StringComparison.Ordinal));
        Assert.Empty(viewer.GetProperty("incidents").EnumerateArray());
        Assert.DoesNotContain(viewer.GetProperty("figures").EnumerateArray(), f => f.GetProperty("name").GetString()!.StartsWith("deadliest/", StringComparison.Ordinal));
        Assert.Contains("served only to analysts and admins", viewer.GetProperty("withheld").GetString(), StringComparison.Ordinal);
        // Every other figure is the analyst's.
        Assert.Equal(analyst.GetProperty("figures").EnumerateArray().Where(f => !f.GetProperty("name").GetString()!.StartsWith("deadliest/", StringComparison.Ordinal)).Select(f => f.GetRawText()),
            viewer.GetProperty("figures").EnumerateArray().Select(f => f.GetRawText()));
    }

    [Theory]
    [InlineData("7", HttpStatusCode.NotFound)]
    [InlineData("abc", HttpStatusCode.BadRequest)]
    [InlineData("0", HttpStatusCode.BadRequest)]
    [InlineData("-1", HttpStatusCode.BadRequest)]
    [InlineData("99999999999999999999", HttpStatusCode.BadRequest)]
    public async Task An_unknown_report_is_a_404_and_an_id_that_is_not_one_a_400_naming_id(string id, HttpStatusCode expected)
    {
        Publish("2021-12", null, "amina");
        var answer = await _api.Client(ApiRole.Viewer).GetAsync($"/api/v1/reports/published/{id}/diff", Ct);
        Assert.Equal(expected, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(Ct)).RootElement;
        if (expected == HttpStatusCode.NotFound)
            Assert.Equal($"published report {id} not found; GET /api/v1/reports/published lists those there are", problem.GetProperty("detail").GetString());
        else
            Assert.True(problem.GetProperty("errors").TryGetProperty("id", out _));
    }
}

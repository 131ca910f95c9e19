using Vigil.Domain.Errors;
using Vigil.Ingestion.Tests.Support;

namespace Vigil.Ingestion.Tests;

/// <summary>
/// A file that lost columns on the way is refused once, naming every required column it lacks, whatever its
/// format: the column binding is shared.
/// </summary>
public class MissingColumnsTests
{
    private const string GtdHeader =
        "eventid,iyear,imonth,iday,extended,resolution,country_txt,provstate,city,latitude,longitude,specificity,"
        + "attacktype1_txt,targtype1_txt,targsubtype1_txt,corp1,target1,gname,nkill,nwound";

    [Fact]
    public void A_GTD_file_missing_several_required_columns_is_refused_naming_all_of_them_at_once()
    {
        using var db = new TestDatabase();
        var header = GtdHeader.Split(',').Where(c => c is not ("eventid" or "country_txt" or "gname")).ToArray();
        var path = db.Folder.Write("gtd-missing.csv", string.Join(',', header) + "\n");

        var e = Assert.Throws<InputException>(() => db.Import(path));

        Assert.Equal(new InputLocation(path, 1, 1), e.Location);
        Assert.StartsWith(path + ":1:1: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("3 required columns are missing: eventid, country_txt, gname", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_format_missing_several_required_columns_is_refused_naming_all_of_them_at_once()
    {
        // The binding is shared: an ACLED export without admin1, location and notes.
        using var db = new TestDatabase();
        var header = File.ReadLines(TestFiles.Fixture("acled-pakistan-sample.csv")).First().Split(',')
            .Where(c => c is not ("admin1" or "location" or "notes"));
        var path = db.Folder.Write("acled-missing.csv", string.Join(',', header) + "\n");

        var e = Assert.Throws<InputException>(() => db.Import(path));

        Assert.Equal(new InputLocation(path, 1, 1), e.Location);
        Assert.Contains("3 required columns are missing: admin1, location, notes", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_missing_column_is_still_named_as_the_field_at_fault()
    {
        using var db = new TestDatabase();
        var path = db.Folder.Write("gtd-no-city.csv", GtdHeader.Replace(",city,", ",", StringComparison.Ordinal) + "\n");

        var e = Assert.Throws<InputException>(() => db.Import(path, new ImportOptions { Format = "gtd" }));

        Assert.Equal(new InputLocation(path, 1, 1, "city"), e.Location);
        Assert.Contains("required column is missing", e.Problem, StringComparison.Ordinal);
    }
}

using Vigil.Domain.Text;

namespace Vigil.Domain.Tests;

public class NameKeyTests
{
    [Theory]
    [InlineData("Khyber Pakhtūnkhwā", "khyber pakhtunkhwa")]
    [InlineData("  KHYBER-PAKHTUNKHWA ", "khyber pakhtunkhwa")]
    [InlineData("Azad Jammu & Kashmir", "azad jammu kashmir")]
    [InlineData("Kharlāchi", "kharlachi")]
    [InlineData("D.I. Khan", "d i khan")]
    public void Names_differing_in_case_diacritics_and_punctuation_share_a_key(string name, string key) =>
        Assert.Equal(key, NameKey.Of(name));
}

using Vigil.Domain.Errors;
using Vigil.Domain.Text;

namespace Vigil.Domain.Tests;

public class LoneSurrogatesTests
{
    [Fact]
    public void A_lone_surrogate_is_shown_as_what_it_stands_for_and_pairs_stay()
    {
        // Built in code: theory data would not carry lone surrogates through the test runner.
        (string Text, string Shown)[] cases =
        [
            ("Pesh" + (char)0xDCE2 + "war", "Pesh\\xE2war"),
            ("K" + (char)0xDCF6 + "ln and " + (char)0xDCFF, "K\\xF6ln and \\xFF"),
            ("a lone " + (char)0xD800 + " high", "a lone \\uD800 high"),
            ("an emoji 💣 stays", "an emoji 💣 stays"),
            ("plain", "plain"),
        ];
        foreach (var (text, shown) in cases)
            Assert.Equal(shown, LoneSurrogates.Readable(text));
    }

    [Fact]
    public void An_input_error_about_a_byte_that_is_not_UTF8_can_be_written_as_UTF8()
    {
        var damaged = "prov" + (char)0xDCE9 + "nce";
        var e = new InputException(new InputLocation("f.csv", 1, 1, damaged), "the header has: " + damaged);

        var bytes = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetBytes(e.Message);

        Assert.Equal("f.csv:1:1: prov\\xE9nce: the header has: prov\\xE9nce", System.Text.Encoding.UTF8.GetString(bytes));
    }
}

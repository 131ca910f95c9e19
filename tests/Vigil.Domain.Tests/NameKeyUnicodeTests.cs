using Vigil.Domain.Text;

namespace Vigil.Domain.Tests;

/// <summary>Security issue 13, defect 3: names with characters outside the Basic Multilingual Plane.</summary>
public class NameKeyUnicodeTests
{
    [Theory]
    [InlineData("𝐓𝐓𝐏", "𝐓𝐓𝐏")]
    [InlineData("Swat 💣 valley", "swat valley")]
    [InlineData("Quetta\uD800", "quetta")]
    [InlineData("\uDC00Quetta", "quetta")]
    [InlineData("Pesh\u200Dawar", "peshawar")]
    [InlineData("e\u0301\u0301\u0301", "e")]
    [InlineData("\u202Eabc\u202C", "abc")]
    [InlineData("a\0b", "a b")]
    public void Name_keys_handle_characters_outside_the_basic_multilingual_plane_and_lone_surrogates(string name, string key) =>
        Assert.Equal(key, NameKey.Of(name));

    [Fact]
    public void Name_keys_never_throw_on_any_utf16_unit_sequence()
    {
        var random = new Random(13);
        for (var i = 0; i < 2000; i++)
        {
            var chars = new char[random.Next(0, 12)];
            for (var j = 0; j < chars.Length; j++)
                chars[j] = (char)random.Next(0, 0x10000);
            var key = NameKey.Of(new string(chars));
            Assert.Equal(key.Trim(), key);
        }
    }
}

using OracleBot.Cards.Text;

namespace OracleBot.Tests.Cards;

public sealed class CardTextTests
{
    [Theory]
    [InlineData("[x](http://evil)", "\\[x\\](http:\u200B//evil)")]
    [InlineData("<at>admin</at>", "\\<\u200Bat\\>admin\\<\u200B/at\\>")]
    [InlineData("# heading", "\\# heading")]
    [InlineData("- item", "\\- item")]
    [InlineData("1. first", "1\\. first")]
    [InlineData("> quote", "\\> quote")]
    [InlineData("**bold** and _it_", "\\*\\*bold\\*\\* and \\_it\\_")]
    [InlineData("a\\b", "a\\\\b")]
    [InlineData("see www.evil.com", "see www\u200B.evil.com")]
    [InlineData("line one\n# two\r\n- three", "line one # two - three")]
    [InlineData("Plain (text), with: punctuation 1.5 mg!", "Plain (text), with: punctuation 1.5 mg!")]
    public void Markdown_neutralises_markup_and_keeps_text_readable(string input, string expected)
    {
        Assert.Equal(expected, CardText.Markdown(input));
    }

    [Fact]
    public void Markdown_output_has_no_live_link_mention_or_line_start_markup()
    {
        const string hostile = "**x** and **y** [click](javascript:alert(1)) <at>Admin</at> https://evil.example\n# H\n* list\n`code`";
        var escaped = CardText.Markdown(hostile);
        Assert.DoesNotContain("<at>", escaped, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"(?<!\\)\]\(", escaped);
        Assert.DoesNotContain("://", escaped, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', escaped);
        Assert.DoesNotMatch(@"(?<!\\)\*", escaped);
        Assert.Contains(" \\*\\*y\\*\\*", escaped, StringComparison.Ordinal);
        Assert.Contains("\\`code\\`", escaped, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_shortens_at_a_word_with_an_ellipsis_within_the_limit()
    {
        var text = CardText.Plain("alpha beta gamma delta epsilon", 14);
        Assert.Equal("alpha beta…", text);
        Assert.True(text.Length <= 14);
    }

    [Fact]
    public void Plain_never_splits_a_surrogate_pair()
    {
        var text = CardText.Plain(new string('a', 9) + "😀😀😀", 11);
        Assert.True(text.Length <= 11);
        Assert.False(char.IsHighSurrogate(text[^2]));
    }

    [Fact]
    public void Speech_escapes_xml()
    {
        Assert.Equal("a &lt;b&gt; &amp; c", CardText.Speech("a <b> & c"));
    }

    [Theory]
    [InlineData("https://pubmed.ncbi.nlm.nih.gov/1/", true)]
    [InlineData("http://www.nhlbi.nih.gov/health", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("JAVASCRIPT://%0aalert(1)", false)]
    [InlineData("data:text/html,hi", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("https://user:pw@evil.example/", false)]
    [InlineData("/relative/path", false)]
    [InlineData("https://a.example/x y", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void SafeUrl_accepts_only_absolute_http_urls(string? url, bool accepted)
    {
        Assert.Equal(accepted, SafeUrl.HttpOrNull(url) is not null);
    }
}

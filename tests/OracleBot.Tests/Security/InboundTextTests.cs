using OracleBot.Security;

namespace OracleBot.Tests.Security;

public sealed class InboundTextTests
{
    [Theory]
    [InlineData("what\u0000 causes\u0007 pericarditis\u001b?", "what causes pericarditis?")]
    [InlineData("dose\u202e of\u200b aspirin\ufeff", "dose of aspirin")]
    [InlineData("line one\nline two\tend", "line one\nline two\tend")]
    [InlineData("\u0085\u009f", "")]
    public void Control_and_format_characters_are_removed(string text, string expected)
    {
        Assert.Equal(expected, InboundText.Clean(text));
    }

    [Fact]
    public void Clean_text_is_returned_as_is()
    {
        const string text = "What causes pericarditis? <b>bold</b> **markdown**";

        Assert.Same(text, InboundText.Clean(text));
        Assert.Null(InboundText.Clean(null));
    }
}

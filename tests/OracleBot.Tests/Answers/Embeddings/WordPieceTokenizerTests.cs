using OracleBot.Answers.Embeddings;

namespace OracleBot.Tests.Answers.Embeddings;

/// <summary>
/// The tokenizer against the model's own vocabulary, with the ids BERT's uncased tokenizer gives (the same
/// ids Hugging Face's tokenizer prints for these texts).
/// </summary>
public sealed class WordPieceTokenizerTests
{
    private static readonly Lazy<WordPieceTokenizer> Tokenizer =
        new(() => new WordPieceTokenizer(MiniLmModelFiles.ReadVocabulary(MiniLmModelFiles.DefaultPath)));

    [Fact]
    public void Vocabulary_is_bert_uncased()
    {
        Assert.Equal(30522, Tokenizer.Value.VocabularySize);
        Assert.Equal(101, Tokenizer.Value.ClassifierId);
        Assert.Equal(102, Tokenizer.Value.SeparatorId);
        Assert.Equal(100, Tokenizer.Value.UnknownId);
    }

    [Theory]
    [InlineData("Hello, world!", new[] { 101, 7592, 1010, 2088, 999, 102 })]
    [InlineData("embeddings", new[] { 101, 7861, 8270, 4667, 2015, 102 })]
    [InlineData("unaffable", new[] { 101, 14477, 20961, 3468, 102 })] // greedy longest match: "una ##ffa ##ble"
    [InlineData("Ångström-level naïve", new[] { 101, 17076, 15687, 1011, 2504, 15743, 102 })]
    [InlineData("The CAFÉ  is\topen.", new[] { 101, 1996, 7668, 2003, 2330, 1012, 102 })]
    [InlineData("", new[] { 101, 102 })]
    public void Encodes_known_ids(string text, int[] expected) =>
        Assert.Equal(expected, Tokenizer.Value.Encode(text, 512));

    [Fact]
    public void Truncates_to_the_budget_and_ends_with_separator()
    {
        var ids = Tokenizer.Value.Encode(string.Join(' ', Enumerable.Repeat("embeddings", 50)), 10);
        Assert.Equal(10, ids.Count);
        Assert.Equal(101, ids[0]);
        Assert.Equal(102, ids[^1]);
        Assert.Equal([7861, 8270, 4667, 2015, 7861, 8270, 4667, 2015], ids[1..^1]);
    }

    [Fact]
    public void Unknown_words_and_control_characters()
    {
        var ids = Tokenizer.Value.Encode("a\u0000b " + new string('x', 101), 512);
        Assert.Equal([101, 11113, 100, 102], ids); // NUL is dropped, so "ab"
    }
}

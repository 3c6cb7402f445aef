using System.Numerics.Tensors;
using OracleBot.Answers.Embeddings;

namespace OracleBot.Tests.Answers.Embeddings;

/// <summary>The real all-MiniLM-L6-v2 model through ONNX Runtime.</summary>
public sealed class SentenceEncoderTests : IClassFixture<SentenceEncoderTests.Model>
{
    private readonly SentenceEncoder _encoder;

    public SentenceEncoderTests(Model model) => _encoder = model.Encoder;

    [Fact]
    public void Embeddings_have_unit_length_and_384_dimensions()
    {
        var embedding = _encoder.Embed("Metformin is the first-line drug for type 2 diabetes.", 128);
        Assert.Equal(SentenceEncoder.Dimensions, embedding.Length);
        Assert.Equal(1f, TensorPrimitives.Norm(embedding), 3);
    }

    [Fact]
    public void Similar_meanings_are_closer_than_unrelated_text()
    {
        var heartAttack = _encoder.Embed("What is the treatment of a heart attack?", 128);
        var infarction = _encoder.Embed("Management of acute myocardial infarction", 128);
        var tax = _encoder.Embed("How to file an income tax return", 128);
        var related = TensorPrimitives.Dot(heartAttack, infarction);
        var unrelated = TensorPrimitives.Dot(heartAttack, tax);
        Assert.True(related > unrelated + 0.3f, $"cos(related) {related}, cos(unrelated) {unrelated}");
    }

    [Fact]
    public void Same_text_gives_the_same_embedding_and_truncation_changes_it()
    {
        var text = string.Join(' ', Enumerable.Repeat("Colon cancer stage II is treated with surgery.", 40));
        Assert.Equal(_encoder.Embed(text, 64), _encoder.Embed(text, 64));
        Assert.NotEqual(_encoder.Embed("surgery", 64), _encoder.Embed("surgery for colon cancer", 64));
    }

    public sealed class Model : IDisposable
    {
        internal SentenceEncoder Encoder { get; } = new(MiniLmModelFiles.DefaultPath, threads: 1);

        public void Dispose() => Encoder.Dispose();
    }
}

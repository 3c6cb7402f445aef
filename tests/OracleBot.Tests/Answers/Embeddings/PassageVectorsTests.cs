using System.Numerics.Tensors;
using OracleBot.Answers.Embeddings;

namespace OracleBot.Tests.Answers.Embeddings;

public sealed class PassageVectorsTests
{
    [Fact]
    public void Quantised_cosines_stay_close_to_float_cosines_and_rank_the_same()
    {
        var random = new Random(7);
        var embeddings = Enumerable.Range(0, 200).Select(_ => UnitVector(random)).ToList();
        var vectors = Build(embeddings);
        var query = UnitVector(random);
        var prepared = PassageVectors.Prepare(query);

        var exact = embeddings.Select(e => TensorPrimitives.Dot(e, query)).ToList();
        for (var i = 0; i < embeddings.Count; i++)
        {
            Assert.InRange(vectors.Cosine(i, prepared) - exact[i], -0.01f, 0.01f);
        }

        var best = exact.Select((c, i) => (c, i)).OrderByDescending(x => x.c).First().i;
        var nearest = vectors.Nearest(prepared, 5);
        Assert.Equal(5, nearest.Count);
        Assert.Equal(best, nearest[0].Ordinal);
        Assert.True(nearest.Zip(nearest.Skip(1)).All(p => p.First.Cosine >= p.Second.Cosine));
    }

    [Fact]
    public void Dot_product_of_codes_matches_a_plain_loop()
    {
        var random = new Random(3);
        var a = new sbyte[PassageVectors.Dimensions];
        var b = new sbyte[PassageVectors.Dimensions];
        for (var i = 0; i < a.Length; i++)
        {
            a[i] = (sbyte)random.Next(-127, 128);
            b[i] = (sbyte)random.Next(-127, 128);
        }

        Assert.Equal(a.Zip(b).Sum(p => p.First * p.Second), PassageVectors.Dot(a, b));
    }

    internal static PassageVectors Build(IReadOnlyList<float[]> embeddings)
    {
        var vectors = new PassageVectors(new sbyte[embeddings.Count * PassageVectors.Dimensions], new float[embeddings.Count]);
        for (var i = 0; i < embeddings.Count; i++)
        {
            vectors.Set(i, embeddings[i]);
        }

        return vectors;
    }

    internal static float[] UnitVector(Random random)
    {
        var v = new float[PassageVectors.Dimensions];
        for (var i = 0; i < v.Length; i++)
        {
            v[i] = (float)((random.NextDouble() * 2) - 1);
        }

        TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);
        return v;
    }
}

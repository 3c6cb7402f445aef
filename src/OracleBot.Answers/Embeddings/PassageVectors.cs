using System.Numerics;

namespace OracleBot.Answers.Embeddings;

/// <summary>
/// The embedding of every passage, by passage ordinal, quantised to one signed byte per dimension with a
/// scale per passage (a quarter of the memory of floats; cosines move by about 0.003, far less than the
/// differences fusion acts on). Immutable once built; searches are brute force over all passages, which
/// costs a few milliseconds at the size of the seed knowledge base.
/// </summary>
internal sealed class PassageVectors
{
    public const int Dimensions = SentenceEncoder.Dimensions;
    private const float Levels = 127f;
    private readonly sbyte[] _codes;
    private readonly float[] _scales;

    public PassageVectors(sbyte[] codes, float[] scales)
    {
        if (codes.Length != scales.Length * Dimensions)
        {
            throw new ArgumentException($"{codes.Length} codes do not make {scales.Length} vectors of {Dimensions}.", nameof(codes));
        }

        _codes = codes;
        _scales = scales;
    }

    public int Count => _scales.Length;

    public long ApproximateBytes => _codes.LongLength + (_scales.LongLength * 4);

    /// <summary>Writes the quantised form of <paramref name="embedding"/> into <paramref name="codes"/>; returns its scale.</summary>
    public static float Quantise(ReadOnlySpan<float> embedding, Span<sbyte> codes)
    {
        var max = 0f;
        foreach (var value in embedding)
        {
            max = MathF.Max(max, MathF.Abs(value));
        }

        var scale = max > 0 ? max / Levels : 1f;
        for (var i = 0; i < embedding.Length; i++)
        {
            codes[i] = (sbyte)Math.Clamp(MathF.Round(embedding[i] / scale), -Levels, Levels);
        }

        return scale;
    }

    /// <summary>A query embedding in the same quantised form, for <see cref="Cosine"/> and <see cref="Nearest"/>.</summary>
    public static QuantisedQuery Prepare(ReadOnlySpan<float> embedding)
    {
        var codes = new sbyte[Dimensions];
        var scale = Quantise(embedding, codes);
        return new QuantisedQuery(codes, scale);
    }

    public float Cosine(int ordinal, QuantisedQuery query) =>
        Dot(_codes.AsSpan(ordinal * Dimensions, Dimensions), query.Codes) * _scales[ordinal] * query.Scale;

    /// <summary>The <paramref name="count"/> passages nearest to the query, best first.</summary>
    public List<(int Ordinal, float Cosine)> Nearest(QuantisedQuery query, int count)
    {
        var heap = new PriorityQueue<int, float>(count + 1);
        for (var ordinal = 0; ordinal < _scales.Length; ordinal++)
        {
            var cosine = Cosine(ordinal, query);
            if (heap.Count < count)
            {
                heap.Enqueue(ordinal, cosine);
            }
            else if (heap.TryPeek(out _, out var lowest) && cosine > lowest)
            {
                heap.DequeueEnqueue(ordinal, cosine);
            }
        }

        var result = new List<(int, float)>(heap.Count);
        while (heap.TryDequeue(out var ordinal, out var cosine))
        {
            result.Add((ordinal, cosine));
        }

        result.Reverse();
        return result;
    }

    /// <summary>Stores the quantised <paramref name="embedding"/> of a passage while the vectors are being built; returns its scale.</summary>
    internal float Set(int ordinal, ReadOnlySpan<float> embedding) =>
        _scales[ordinal] = Quantise(embedding, _codes.AsSpan(ordinal * Dimensions, Dimensions));

    /// <summary>Takes a passage's vector from another index's vectors (the same text embedded the same way).</summary>
    internal void CopyFrom(int ordinal, PassageVectors donor, int donorOrdinal)
    {
        donor.CodesOf(donorOrdinal).CopyTo(_codes.AsSpan(ordinal * Dimensions, Dimensions));
        _scales[ordinal] = donor._scales[donorOrdinal];
    }

    internal ReadOnlySpan<sbyte> CodesOf(int ordinal) => _codes.AsSpan(ordinal * Dimensions, Dimensions);

    internal float ScaleOf(int ordinal) => _scales[ordinal];

    // Products of two codes fit in 16 bits (127² < 2¹⁵), so bytes widen to shorts, multiply, and widen to ints to sum.
    internal static int Dot(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        var sum = Vector<int>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<sbyte>.Count; i += Vector<sbyte>.Count)
        {
            Vector.Widen(new Vector<sbyte>(a[i..]), out var aLow, out var aHigh);
            Vector.Widen(new Vector<sbyte>(b[i..]), out var bLow, out var bHigh);
            Vector.Widen(aLow * bLow, out var p0, out var p1);
            Vector.Widen(aHigh * bHigh, out var p2, out var p3);
            sum += p0 + p1 + p2 + p3;
        }

        var total = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }
}

/// <summary>A query embedding quantised like the passages'.</summary>
internal sealed record QuantisedQuery(sbyte[] Codes, float Scale);

using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OracleBot.Cards;

/// <summary>Measures cards as they will travel: UTF-8 JSON with the serializer's default escaping.</summary>
public static class CardSize
{
    // Measuring runs on every answer (the AI entity is measured against its budget), so it writes into a scratch
    // buffer of this thread's that only counts, rather than allocating the serialised bytes to throw them away.
    [ThreadStatic]
    private static Measure? _measure;

    /// <summary>Bytes of <paramref name="card"/> serialized compactly (non-ASCII escaped, as the default encoder does).</summary>
    public static int EstimateSizeBytes(JsonNode card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var measure = _measure ??= new Measure();
        measure.Counter.Reset();
        measure.Writer.Reset(measure.Counter);
        card.WriteTo(measure.Writer);
        measure.Writer.Flush();
        return measure.Counter.Written;
    }

    private sealed class Measure
    {
        public ByteCounter Counter { get; } = new();

        public Utf8JsonWriter Writer { get; } = new(Stream.Null);
    }

    /// <summary>A buffer writer that keeps only the count of what was written, reusing one scratch array.</summary>
    private sealed class ByteCounter : IBufferWriter<byte>
    {
        private byte[] _scratch = new byte[4096];

        public int Written { get; private set; }

        public void Reset() => Written = 0;

        public void Advance(int count) => Written += count;

        public Memory<byte> GetMemory(int sizeHint = 0) => Scratch(sizeHint);

        public Span<byte> GetSpan(int sizeHint = 0) => Scratch(sizeHint);

        private byte[] Scratch(int sizeHint)
        {
            if (sizeHint > _scratch.Length)
            {
                _scratch = new byte[sizeHint];
            }

            return _scratch;
        }
    }
}

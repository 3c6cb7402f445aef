using System.Diagnostics.Metrics;
using System.Text;
using OracleBot.Answers.Contract;

namespace OracleBot.Answers;

/// <summary>
/// A bounded least-recently-used cache of composed answers, keyed by the normalised question, the audience
/// and the thread context. Clinicians in one organisation ask the same questions often; an answer depends
/// only on those inputs and the knowledge base (fixed for the life of the process), so a repeat costs a
/// lookup. Each hit gets a fresh answer id, so feedback on two deliveries of one answer stays apart.
/// An answer is kept only when its key was asked before (a "doorkeeper"): most questions are asked once,
/// and keeping each of their answers until evicted would move every answer's objects into the garbage
/// collector's oldest generation to die there, paid for with full collections under load.
/// Hits and misses are counted on the <c>OracleBot.Answers</c> meter.
/// </summary>
public sealed class AnswerCache
{
    public const string MeterName = "OracleBot.Answers";
    private static readonly Meter s_meter = new(MeterName);
    private static readonly Counter<long> s_hits = s_meter.CreateCounter<long>("oraclebot.answers.cache.hits", description: "Answers served from the answer cache");
    private static readonly Counter<long> s_misses = s_meter.CreateCounter<long>("oraclebot.answers.cache.misses", description: "Answers composed because the cache did not hold them");

    private readonly int _capacity;
    private readonly Dictionary<string, LinkedListNode<(string Key, Answer Answer)>> _map;
    private readonly LinkedList<(string Key, Answer Answer)> _order = new();
    private readonly Lock _lock = new();

    // Fingerprints of recently asked keys, one per slot (a newer key may take an older one's slot): plain
    // integers, so remembering them costs the garbage collector nothing.
    private readonly int[] _asked;
    private long _hits;
    private long _misses;

    public AnswerCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _capacity = capacity;
        _map = new Dictionary<string, LinkedListNode<(string, Answer)>>(Math.Min(capacity, 4096), StringComparer.Ordinal);
        _asked = new int[capacity == 0 ? 0 : Math.Max(64, capacity * 4)];
    }

    public long Hits => Interlocked.Read(ref _hits);

    public long Misses => Interlocked.Read(ref _misses);

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _map.Count;
            }
        }
    }

    /// <summary>The cache key: case, spacing and punctuation do not make a question different.</summary>
    public static string KeyFor(AnswerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = new StringBuilder(128);
        Normalise(request.Question, key);
        key.Append('\u001f').Append(request.Audience.ToUpperInvariant());
        foreach (var turn in request.Context)
        {
            key.Append('\u001e');
            Normalise(turn.Question, key);
            key.Append('\u001f').AppendJoin(',', turn.CitedDocumentIds);
        }

        return key.ToString();
    }

    public bool TryGet(string key, out Answer answer)
    {
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                answer = node.Value.Answer with { AnswerId = Guid.NewGuid().ToString("N") };
                Interlocked.Increment(ref _hits);
                s_hits.Add(1);
                return true;
            }
        }

        answer = null!;
        Interlocked.Increment(ref _misses);
        s_misses.Add(1);
        return false;
    }

    /// <summary>Keeps <paramref name="answer"/> if <paramref name="key"/> was asked before; otherwise only notes the key.</summary>
    public void Add(string key, Answer answer)
    {
        if (_capacity == 0)
        {
            return;
        }

        var fingerprint = StringComparer.Ordinal.GetHashCode(key) | 1; // never 0, the empty slot
        var slot = (int)((uint)fingerprint % (uint)_asked.Length);
        lock (_lock)
        {
            if (_asked[slot] != fingerprint)
            {
                _asked[slot] = fingerprint;
                return;
            }

            if (_map.TryGetValue(key, out var existing))
            {
                _order.Remove(existing);
                _map.Remove(key);
            }

            _map[key] = _order.AddFirst((key, answer));
            if (_map.Count > _capacity)
            {
                var oldest = _order.Last!;
                _order.RemoveLast();
                _map.Remove(oldest.Value.Key);
            }
        }
    }

    private static void Normalise(string text, StringBuilder into)
    {
        var space = false;
        foreach (var c in text ?? string.Empty)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && into.Length > 0)
                {
                    into.Append(' ');
                }

                into.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else
            {
                space = true;
            }
        }
    }
}

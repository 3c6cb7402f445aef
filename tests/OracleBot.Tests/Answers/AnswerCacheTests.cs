using OracleBot.Answers;
using OracleBot.Answers.Contract;

namespace OracleBot.Tests.Answers;

public sealed class AnswerCacheTests
{
    private static Answer AnswerTo(string question) => new("composed", question, null, [], [], [], []);

    private static string Key(string question) => AnswerCache.KeyFor(new AnswerRequest(question));

    private static void Ask(AnswerCache cache, string question)
    {
        if (!cache.TryGet(Key(question), out _))
        {
            cache.Add(Key(question), AnswerTo(question));
        }
    }

    [Fact]
    public void A_question_asked_once_is_not_kept_and_one_asked_again_is_served_from_then_on()
    {
        var cache = new AnswerCache(16);

        Ask(cache, "What is gout?");
        Assert.Equal(0, cache.Count);

        Ask(cache, "What is gout?");
        Assert.Equal(1, cache.Count);

        Assert.True(cache.TryGet(Key("  WHAT is gout"), out var hit));
        Assert.Equal("What is gout?", hit.Question);
        Assert.NotEqual("composed", hit.AnswerId);
        Assert.Equal(1, cache.Hits);
        Assert.Equal(2, cache.Misses);
    }

    [Fact]
    public void Audience_and_thread_context_make_a_different_key()
    {
        var plain = AnswerCache.KeyFor(new AnswerRequest("How is it treated?"));
        var patient = AnswerCache.KeyFor(new AnswerRequest("How is it treated?", Audiences.Patient));
        var followUp = AnswerCache.KeyFor(new AnswerRequest("How is it treated?", Context: [new PriorTurn("What is gout?", "Gout is…", ["ref:gout"])]));

        Assert.Equal(3, new[] { plain, patient, followUp }.Distinct().Count());
    }

    [Fact]
    public void The_least_recently_used_answer_is_evicted_at_capacity()
    {
        var cache = new AnswerCache(2);
        foreach (var question in new[] { "a question", "b question", "a question", "b question" })
        {
            Ask(cache, question);
        }

        Assert.True(cache.TryGet(Key("a question"), out _)); // "b" is now the least recently used
        Ask(cache, "c question");
        Ask(cache, "c question");

        Assert.Equal(2, cache.Count);
        Assert.True(cache.TryGet(Key("a question"), out _));
        Assert.False(cache.TryGet(Key("b question"), out _));
        Assert.True(cache.TryGet(Key("c question"), out _));
    }

    [Fact]
    public void A_cache_of_size_zero_keeps_nothing()
    {
        var cache = new AnswerCache(0);

        Ask(cache, "What is gout?");
        Ask(cache, "What is gout?");

        Assert.Equal(0, cache.Count);
    }
}

using System.Diagnostics;
using OracleBot.Answers.Contract;
using OracleBot.Answers.PubMed;
using OracleBot.TestSupport.EUtilities;
using Polly.CircuitBreaker;
using Xunit.Abstractions;

namespace OracleBot.FunctionalTests.PubMed;

/// <summary>
/// PubMed misbehaving, as the loopback E-utilities server can: hanging, 429 with and without Retry-After, 500,
/// malformed XML, nothing found; and bursts of questions, with the request rate measured where NCBI would
/// measure it, at the server. Every request the server received is inspected for patient identifiers.
/// </summary>
public sealed class PubMedFaultTests(ITestOutputHelper output)
{
    private static readonly string Question = PubMedWorld.DevQuestions.Single(q => q.Gold == "pmid:25475395").Question;

    [Fact]
    public async Task Identifiers_in_a_question_never_reach_pubmed()
    {
        await using var world = await PubMedWorld.StartAsync(new Dictionary<string, string?> { ["Answers:PubMed:RequestsPerSecond"] = "10", ["Answers:PubMed:Budget"] = "00:00:10" });
        string[] identifiers = ["Quibbleworth", "Jonathan", "Halloway", "1962", "03/14", "12/03", "48213377", "7946", "0958", "jq.halloway", "mailbox.test", "943", "476", "5919"];
        string[] labels = ["DOB", "MRN", "NHS", "phone", "email", "Mrs"];
        string[] questions =
        [
            "Mrs Halloway (DOB 03/14/1962, MRN 48213377) asks: is there a correlation between androgens and sexual desire in women?",
            "Jonathan Quibbleworth seen 12/03/2024, phone 020 7946 0958: is acupuncture efficacious for treating phonotraumatic vocal pathologies?",
            "Email jq.halloway@mailbox.test about NHS 943 476 5919: do mutations causing low HDL-C promote carotid intima-media thickness?",
        ];
        foreach (var question in questions)
        {
            // Whether the composer quotes the records is not the point here; that PubMed was searched is.
            var before = world.EUtilities.Requests.Count;
            await world.AskAsync(question);
            Assert.Contains(world.EUtilities.Requests.Skip(before), r => r.Utility == "efetch");
        }

        var requests = world.EUtilities.Requests;
        Assert.True(requests.Count >= questions.Length * 5, $"{requests.Count} requests");
        foreach (var request in requests)
        {
            var sent = Uri.UnescapeDataString(request.RawQuery);
            foreach (var identifier in identifiers)
            {
                Assert.DoesNotContain(identifier, sent, StringComparison.OrdinalIgnoreCase);
            }

            foreach (var label in labels)
            {
                Assert.DoesNotContain(label, request.Parameters.GetValueOrDefault("term") ?? string.Empty, StringComparison.OrdinalIgnoreCase);
            }

            if (request.Utility == "efetch")
            {
                Assert.Matches(@"^[0-9,]+$", request.Parameters["id"]); // a fetch carries PMIDs only
            }
        }
    }

    [Fact]
    public async Task A_burst_of_questions_never_exceeds_three_requests_a_second_at_the_server()
    {
        await using var world = await PubMedWorld.StartAsync();
        var questions = PubMedWorld.DevQuestions.Skip(200).Take(12).Select(q => q.Question).ToList();
        var answers = await Task.WhenAll(questions.Select(q => Task.Run(() => world.AskAsync(q))));
        var most = world.EUtilities.MaxRequestsWithin(TimeSpan.FromSeconds(1));
        var requests = world.EUtilities.Requests;
        var span = requests[^1].At - requests[0].At;
        output.WriteLine($"{questions.Count} concurrent questions: {requests.Count} requests over {span.TotalSeconds:F2} s, at most {most} within any second; {answers.Count(a => a.Notices.Contains(PubMedEvidenceSource.MissedNotice))} answers said PubMed could not be searched in time");
        output.WriteLine(string.Join(", ", requests.Select(r => $"{(r.At - requests[0].At).TotalMilliseconds:F0}")));
        Assert.True(requests.Count > 3, "the burst sent too few requests to test the limit");
        Assert.InRange(most, 1, 3);
        Assert.Equal(questions.Count, answers.Length);
    }

    [Fact]
    public async Task A_hanging_pubmed_costs_an_answer_its_budget_and_no_more()
    {
        await using var world = await PubMedWorld.StartAsync(new Dictionary<string, string?> { ["Answers:PubMed:Budget"] = "00:00:01", ["Answers:PubMed:BreakerFailures"] = "100" });
        world.EUtilities.SetFault(new EUtilitiesFault(EUtilitiesFaultKind.Slow, Delay: TimeSpan.FromSeconds(60)));
        var times = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var answer = await world.AskAsync(PubMedWorld.DevQuestions[300 + i].Question);
            times.Add(Stopwatch.GetElapsedTime(started));
            Assert.Contains(PubMedEvidenceSource.MissedNotice, answer.Notices);
            Assert.DoesNotContain(answer.Citations, c => c.DocumentId.StartsWith("pmid:", StringComparison.Ordinal));
        }

        output.WriteLine($"answers while PubMed hangs, 1 s budget: {string.Join(", ", times.Select(t => $"{t.TotalMilliseconds:F0} ms"))}");
        Assert.All(times, t => Assert.True(t < TimeSpan.FromSeconds(3), $"an answer took {t} with a 1 s budget"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(null)]
    public async Task A_429_pauses_every_request_for_its_retry_after_then_retries_once(int? retryAfterSeconds)
    {
        await using var world = await PubMedWorld.StartAsync(new Dictionary<string, string?> { ["Answers:PubMed:Budget"] = "00:00:05", ["Answers:PubMed:RequestsPerSecond"] = "10" });
        world.EUtilities.SetFault(new EUtilitiesFault(EUtilitiesFaultKind.TooManyRequests, retryAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : null, Requests: 1));
        var answer = await world.AskAsync(Question);
        Assert.Contains(answer.Citations, c => c.DocumentId == "pmid:25475395");
        var requests = world.EUtilities.Requests;
        var limited = Assert.Single(requests, r => r.Status == 429);
        var after = requests.Where(r => r.At > limited.At).ToList();
        Assert.NotEmpty(after);

        // The other searches were already under way; every request that started after the 429 waited out the pause.
        var sentLater = after.Where(r => r.At - limited.At > TimeSpan.FromMilliseconds(200)).ToList();
        Assert.NotEmpty(sentLater);
        Assert.True(sentLater.Min(r => r.At) - limited.At >= TimeSpan.FromSeconds(0.9), $"next request {(sentLater.Min(r => r.At) - limited.At).TotalMilliseconds:F0} ms after the 429");
        Assert.Equal(1 + 4 + 1, requests.Count); // the 429, its one retry among four searches, one fetch: no storm
    }

    [Fact]
    public async Task A_429_that_does_not_fit_the_budget_is_not_waited_for()
    {
        await using var world = await PubMedWorld.StartAsync(new Dictionary<string, string?> { ["Answers:PubMed:Budget"] = "00:00:01", ["Answers:PubMed:RequestsPerSecond"] = "10" });
        world.EUtilities.SetFault(new EUtilitiesFault(EUtilitiesFaultKind.TooManyRequests, TimeSpan.FromSeconds(30)));
        var started = Stopwatch.GetTimestamp();
        var answer = await world.AskAsync(Question);
        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(3));
        Assert.Contains(PubMedEvidenceSource.MissedNotice, answer.Notices);
        Assert.Equal(4, world.EUtilities.Requests.Count); // four searches, each refused once, none retried

        // The pause holds for the next question too: nothing is sent while NCBI asked us to wait.
        var next = await world.AskAsync(PubMedWorld.DevQuestions[5].Question);
        Assert.Contains(PubMedEvidenceSource.MissedNotice, next.Notices);
        Assert.Equal(4, world.EUtilities.Requests.Count);
    }

    [Theory]
    [InlineData(EUtilitiesFaultKind.ServerError)]
    [InlineData(EUtilitiesFaultKind.MalformedXml)]
    public async Task A_failing_pubmed_gives_the_local_answer_with_a_notice(EUtilitiesFaultKind fault)
    {
        await using var world = await PubMedWorld.StartAsync(new Dictionary<string, string?> { ["Answers:PubMed:RequestsPerSecond"] = "10" });
        world.EUtilities.SetFault(new EUtilitiesFault(fault));
        var answer = await world.AskAsync(Question);
        Assert.Contains(PubMedEvidenceSource.MissedNotice, answer.Notices);
        Assert.DoesNotContain(answer.Citations, c => c.DocumentId.StartsWith("pmid:", StringComparison.Ordinal));
        Assert.Equal(1, world.Circuit.Current.FailuresInARow);
    }

    [Fact]
    public async Task Nothing_found_is_an_answer_from_the_library_without_a_notice()
    {
        await using var world = await PubMedWorld.StartAsync(new Dictionary<string, string?> { ["Answers:PubMed:RequestsPerSecond"] = "10" });
        world.EUtilities.SetFault(new EUtilitiesFault(EUtilitiesFaultKind.Empty));
        var answer = await world.AskAsync("What are the symptoms of adult acute lymphoblastic leukemia?");
        Assert.DoesNotContain(PubMedEvidenceSource.MissedNotice, answer.Notices);
        Assert.NotEmpty(answer.Citations);
        Assert.All(answer.Citations, c => Assert.StartsWith("medquad:", c.DocumentId, StringComparison.Ordinal));
        Assert.DoesNotContain(world.EUtilities.Requests, r => r.Utility == "efetch"); // nothing to fetch
        Assert.Equal(new PubMedStatus(CircuitState.Closed, 0), world.Circuit.Current);
    }

    [Fact]
    public async Task The_circuit_opens_after_failures_skips_pubmed_then_closes_when_it_recovers()
    {
        await using var world = await PubMedWorld.StartAsync(new Dictionary<string, string?>
        {
            ["Answers:PubMed:RequestsPerSecond"] = "10",
            ["Answers:PubMed:BreakerFailures"] = "2",
            ["Answers:PubMed:BreakDuration"] = "00:00:02",
        });
        world.EUtilities.SetFault(new EUtilitiesFault(EUtilitiesFaultKind.ServerError));
        await world.AskAsync(PubMedWorld.DevQuestions[10].Question);
        await world.AskAsync(PubMedWorld.DevQuestions[11].Question);
        Assert.Equal(CircuitState.Open, world.Circuit.Current.Circuit);
        var sent = world.EUtilities.Requests.Count;

        var skipped = await world.AskAsync(PubMedWorld.DevQuestions[12].Question);
        Assert.Contains(PubMedEvidenceSource.MissedNotice, skipped.Notices);
        Assert.Equal(sent, world.EUtilities.Requests.Count);

        world.EUtilities.SetFault(EUtilitiesFault.None);
        await Task.Delay(TimeSpan.FromSeconds(2.2));
        var recovered = await world.AskAsync(Question);
        Assert.Contains(recovered.Citations, c => c.DocumentId == "pmid:25475395");
        Assert.Equal(CircuitState.Closed, world.Circuit.Current.Circuit);
    }
}

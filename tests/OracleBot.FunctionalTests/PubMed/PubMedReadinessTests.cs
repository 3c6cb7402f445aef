using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OracleBot.Answers.PubMed;
using OracleBot.FunctionalTests.Answers;
using OracleBot.FunctionalTests.Infrastructure;
using OracleBot.FunctionalTests.Security;
using OracleBot.TestSupport.EUtilities;
using Polly.CircuitBreaker;

namespace OracleBot.FunctionalTests.PubMed;

/// <summary>
/// Each host that runs the embedded engine — the whole bot, and the separate answer service — with PubMed on,
/// pointed at the loopback E-utilities server: while PubMed answers 500 the circuit opens and <c>/readyz</c>
/// says Degraded (200), questions are still answered from the local library with the notice and without a
/// request to PubMed; once PubMed answers again and the break is over, one question closes the circuit and
/// readiness is Healthy again.
/// </summary>
public sealed class PubMedReadinessTests
{
    private const int BreakerFailures = 2;
    private static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task The_bot_is_degraded_while_the_pubmed_circuit_is_open_and_healthy_once_it_closes()
    {
        await using var eutilities = await LoopbackEUtilities.StartAsync(PubMedWorld.Records);
        await using var bot = await SecureBot.StartAsync(new SecureBot(Settings(eutilities)));
        await ReadinessFollowsTheCircuitAsync(
            eutilities,
            new Uri(bot.Host.MessagesEndpoint, "/readyz"),
            bot.Host.Services.GetRequiredService<PubMedCircuit>(),
            async question =>
            {
                var activity = bot.Message(question);
                using var response = await bot.PostAsync(activity);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return (await bot.ReplyAsync(activity.Conversation!.Id!, TimeSpan.FromSeconds(30))).Body;
            });
    }

    [Fact]
    public async Task The_answer_service_is_degraded_while_the_pubmed_circuit_is_open_and_healthy_once_it_closes()
    {
        await using var eutilities = await LoopbackEUtilities.StartAsync(PubMedWorld.Records);
        var service = new AnswerServiceHost { Settings = Settings(eutilities) };
        await service.InitializeAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            await ReadinessFollowsTheCircuitAsync(
                eutilities,
                new Uri(service.BaseAddress, "/readyz"),
                service.Services.GetRequiredService<PubMedCircuit>(),
                async question =>
                {
                    using var body = new StringContent(
                        JsonSerializer.Serialize(new Dictionary<string, string> { ["question"] = question, ["audience"] = "physician" }), Encoding.UTF8, "application/json");
                    using var response = await http.PostAsync(new Uri("v1/answers", UriKind.Relative), body);
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    return await response.Content.ReadAsStringAsync();
                });
        }
        finally
        {
            await service.DisposeAsync();
        }
    }

    private static Dictionary<string, string?> Settings(LoopbackEUtilities eutilities) => new()
    {
        ["Answers:SeedsDirectory"] = PubMedWorld.MedQuadOnlySeeds,
        ["Answers:IndexDirectory"] = RepositoryPaths.MedQuadIndexDirectory,
        ["Answers:AnswerCacheSize"] = "0",
        ["Answers:PubMed:Enabled"] = "true",
        ["Answers:PubMed:BaseAddress"] = eutilities.BaseAddress.ToString(),
        ["Answers:PubMed:Email"] = "pubmed-tests@example.org",
        ["Answers:PubMed:RequestsPerSecond"] = "10",
        ["Answers:PubMed:BreakerFailures"] = BreakerFailures.ToString(CultureInfo.InvariantCulture),
        ["Answers:PubMed:BreakDuration"] = BreakDuration.ToString(),
    };

    /// <param name="ask">Asks the host a question; returns what it answered (card or answer JSON) as text.</param>
    private static async Task ReadinessFollowsTheCircuitAsync(LoopbackEUtilities eutilities, Uri readyz, PubMedCircuit circuit, Func<string, Task<string>> ask)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        Assert.Equal("Healthy", await ReadinessAsync(http, readyz));

        // PubMed fails: each question is still answered, with the notice; the second failure opens the circuit.
        eutilities.SetFault(new EUtilitiesFault(EUtilitiesFaultKind.ServerError));
        for (var i = 0; i < BreakerFailures; i++)
        {
            Assert.Contains(PubMedEvidenceSource.MissedNotice, await ask(PubMedWorld.DevQuestions[20 + i].Question), StringComparison.Ordinal);
        }

        Assert.Contains(eutilities.Requests, r => r.Status == 500);
        Assert.Equal(CircuitState.Open, circuit.Current.Circuit);
        Assert.Equal("Degraded", await ReadinessAsync(http, readyz));

        // While it is open no request goes to PubMed.
        var sent = eutilities.Requests.Count;
        Assert.Contains(PubMedEvidenceSource.MissedNotice, await ask(PubMedWorld.DevQuestions[22].Question), StringComparison.Ordinal);
        Assert.Equal(sent, eutilities.Requests.Count);
        Assert.Equal("Degraded", await ReadinessAsync(http, readyz));

        // PubMed is back; after the break (half-open: still Degraded) one question tries it and closes the circuit.
        eutilities.SetFault(EUtilitiesFault.None);
        await Task.Delay(BreakDuration + TimeSpan.FromSeconds(0.5));
        Assert.Equal("Degraded", await ReadinessAsync(http, readyz));
        var recovered = await ask(PubMedWorld.DevQuestions.Single(q => q.Gold == "pmid:25475395").Question);
        Assert.DoesNotContain(PubMedEvidenceSource.MissedNotice, recovered, StringComparison.Ordinal);
        Assert.Contains("https://pubmed.ncbi.nlm.nih.gov/25475395/", recovered, StringComparison.Ordinal);
        Assert.True(eutilities.Requests.Count > sent, "the half-open circuit sent no request");
        Assert.Equal(CircuitState.Closed, circuit.Current.Circuit);
        Assert.Equal("Healthy", await ReadinessAsync(http, readyz));
    }

    private static async Task<string> ReadinessAsync(HttpClient http, Uri readyz)
    {
        using var response = await http.GetAsync(readyz);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}

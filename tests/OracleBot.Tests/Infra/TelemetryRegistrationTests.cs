using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using OracleBot.Answers.Contract;
using OracleBot.Telemetry;

namespace OracleBot.Tests.Infra;

/// <summary>The OpenTelemetry SDK is registered only when something would receive its data.</summary>
public sealed class TelemetryRegistrationTests
{
    [Fact]
    public void Without_an_endpoint_there_is_no_telemetry_pipeline()
    {
        using var services = Build([]);
        Assert.Null(services.GetService<TracerProvider>());
    }

    [Theory]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4317")]
    [InlineData("Telemetry:OtlpEndpoint", "http://collector:4318")]
    [InlineData("Telemetry:Enabled", "true")]
    public void An_endpoint_or_the_switch_turns_the_pipeline_on(string key, string value)
    {
        using var services = Build(new() { [key] = value });
        Assert.NotNull(services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task Answer_service_is_wrapped_and_still_answers()
    {
        using var services = Build([]);
        var wrapped = services.GetRequiredService<IAnswerService>();
        Assert.IsType<TracedAnswerService>(wrapped);
        var answer = await wrapped.AnswerAsync(new AnswerRequest("q"), CancellationToken.None);
        Assert.Equal("fixed", answer.AnswerId);
    }

    [Theory]
    [InlineData("/teams/v3/conversations/a:1xyz/activities/1712345", "/teams/v3/conversations/{id}/activities/{id}")]
    [InlineData("/v3/conversations/19:abc@thread.tacv2;messageid=1/activities", "/v3/conversations/{id}/activities")]
    [InlineData("/openai/deployments/chat/chat/completions", "/openai/deployments/chat/chat/completions")]
    public void Connector_paths_lose_their_ids(string path, string redacted) =>
        Assert.Equal(redacted, TelemetryRedaction.RedactPath(path));

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<IAnswerService, FixedAnswerService>();
        services.AddBotTelemetry(configuration);
        return services.BuildServiceProvider();
    }

    private sealed class FixedAnswerService : IAnswerService
    {
        public Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(new Answer("fixed", request.Question, null, [], [], [], []));
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OracleBot.Answers;
using OracleBot.Answers.Contract;
using OracleBot.Answers.PubMed;
using OracleBot.Answers.Retrieval;
using OracleBot.ServiceDefaults;

namespace OracleBot.AnswerService;

/// <summary>
/// The answer service as an HTTP API over the embedded engine: <c>POST /v1/answers</c> (JSON),
/// <c>POST /v1/answers/stream</c> (NDJSON: partial text events, then the final answer), <c>GET /healthz</c>
/// (alive), <c>GET /readyz</c> (knowledge index open; Degraded while PubMed's circuit is open) and <c>GET /openapi.json</c> (the committed description).
/// </summary>
public sealed class AnswerApi
{

    private AnswerApi()
    {
    }

    /// <summary>Builds the service; <paramref name="configure"/> lets tests replace settings or services.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls("http://localhost:8080");
        }

        // This host is the engine: it never forwards to another answer service.
        builder.Configuration["Answers:Mode"] = nameof(AnswerMode.Embedded);
        builder.Services.AddAnswerService();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, AnswerJson.Default));
        builder.Services.AddProblemDetails();
        builder.Services.AddHealthChecks()
            .AddCheck<IndexReadyCheck>("knowledge-index", tags: [ServiceHealth.ReadyTag])
            .AddDegradedWhen("pubmed", PubMedReadiness.DegradedReason);
        builder.Services.AddServiceTelemetry(builder.Configuration, "oraclebot-answers", [], [AnswerCache.MeterName]);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapPost("/v1/answers", AnswerAsync);
        app.MapPost("/v1/answers/stream", StreamAsync);
        app.MapServiceHealth();
        app.MapGet("/openapi.json", () => Results.File(Path.Combine(AppContext.BaseDirectory, "openapi.json"), "application/json"));
        return app;
    }

    private static async Task<Results<Ok<Answer>, ProblemHttpResult>> AnswerAsync(AnswerRequest? request, IAnswerService answers, CancellationToken cancellationToken)
    {
        if (Invalid(request) is { } problem)
        {
            return problem;
        }

        return TypedResults.Ok(await answers.AnswerAsync(request!, cancellationToken));
    }

    private static async Task StreamAsync(HttpContext context, IStreamingAnswerService answers, CancellationToken cancellationToken)
    {
        AnswerRequest? request;
        try
        {
            request = await context.Request.ReadFromJsonAsync(AnswerJson.Default.AnswerRequest, cancellationToken);
        }
        catch (JsonException)
        {
            request = null;
        }

        if (Invalid(request) is { } problem)
        {
            await problem.ExecuteAsync(context);
            return;
        }

        context.Response.ContentType = "application/x-ndjson";
        await foreach (var update in answers.StreamAsync(request!, cancellationToken))
        {
            await JsonSerializer.SerializeAsync(context.Response.Body, update, AnswerJson.Default.AnswerUpdate, cancellationToken);
            await context.Response.Body.WriteAsync("\n"u8.ToArray(), cancellationToken);
            await context.Response.Body.FlushAsync(cancellationToken);
        }
    }

    private static ProblemHttpResult? Invalid(AnswerRequest? request)
    {
        string? detail = request switch
        {
            null => "The body must be an answer request: {\"question\": \"…\", \"audience\": \"physician\", \"context\": []}.",
            { Question: null } or { Question.Length: 0 } => "The question is empty.",
            { Question.Length: > AnswerRequestLimits.MaxQuestionLength } =>
                $"The question is longer than {AnswerRequestLimits.MaxQuestionLength} characters.",
            _ when !Audiences.All.Contains(request.Audience ?? string.Empty, StringComparer.OrdinalIgnoreCase) =>
                $"The audience must be one of: {string.Join(", ", Audiences.All)}.",
            _ when request.Context is { Count: > AnswerRequestLimits.MaxContextTurns } =>
                $"At most {AnswerRequestLimits.MaxContextTurns} earlier turns are accepted.",
            _ => null,
        };
        return detail is null ? null : TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid answer request");
    }

    private sealed class IndexReadyCheck(KnowledgeIndex index) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(index.IsReady ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The knowledge index is still opening."));
    }
}

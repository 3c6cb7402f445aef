using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OracleBot.Answers;
using OracleBot.Answers.Embeddings;
using OracleBot.Answers.Retrieval;

namespace OracleBot.Hosting;

/// <summary>
/// Ready once the embedded knowledge index is open: before that every question would fail. Degraded (still
/// 200) while its passage vectors are being computed or have failed, since answers then come from BM25 alone;
/// the details say how far the vectors have got. With a remote
/// answer service the local index is never opened, so it does not decide readiness.
/// </summary>
internal sealed class KnowledgeIndexHealthCheck(IServiceProvider services, IOptions<AnswersOptions> answers) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (answers.Value.Mode == AnswerMode.Remote)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Answers come from the remote answer service."));
        }

        var index = services.GetRequiredService<KnowledgeIndex>();
        if (!index.IsReady)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The knowledge index is still opening or building."));
        }

        var vectors = index.Vectors;
        var data = new Dictionary<string, object>
        {
            ["vectors"] = vectors.State.ToString(),
            ["vectorsEmbedded"] = vectors.Embedded,
            ["passages"] = vectors.Total,
        };
        return Task.FromResult(vectors.State switch
        {
            // Answers are good enough to serve while vectors are computed, but not what this instance will give once they are.
            VectorState.Pending or VectorState.Embedding => HealthCheckResult.Degraded(
                $"The knowledge index is open; passage vectors are being loaded or computed ({vectors.Embedded} of {vectors.Total}): retrieval is BM25 alone until they are ready.", data: data),
            VectorState.Failed => HealthCheckResult.Degraded("The knowledge index is open; its passage vectors failed (see the log): retrieval is BM25 alone.", data: data),
            VectorState.Ready => HealthCheckResult.Healthy("The knowledge index is open with its passage vectors: retrieval fuses BM25 and vectors.", data),
            _ => HealthCheckResult.Healthy("The knowledge index is open; vectors are off: retrieval is BM25 alone.", data),
        });
    }
}

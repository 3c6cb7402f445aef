using System.ClientModel;
using Microsoft.Extensions.Logging;
using OpenAI.Chat;
using OracleBot.Answers.Contract;
using OracleBot.Answers.Conversation;
using OracleBot.Answers.Retrieval;

namespace OracleBot.Answers.Writing;

/// <summary>
/// Rewrites a follow-up into a standalone query with the model; the first question of a thread is used as
/// is. If the model fails or answers oddly, the offline carry-over rewrite is used instead.
/// </summary>
public sealed partial class ModelQueryRewriter(ChatClient chat, CarryOverQueryRewriter fallback, TimeSpan timeout, ILogger<ModelQueryRewriter> logger) : IQueryRewriter
{
    private const int MaxQueryChars = 400;

    public async ValueTask<RetrievalQuery> RewriteAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Context.Count == 0)
        {
            return new RetrievalQuery(request.Question);
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(timeout);
        try
        {
            var completion = await chat.CompleteChatAsync(
                [new SystemChatMessage(AnswerPrompt.RewriteSystem), new UserChatMessage(AnswerPrompt.RewriteUser(request))],
                new ChatCompletionOptions { Temperature = 0f },
                budget.Token).ConfigureAwait(false);
            var query = completion.Value.Content.Count > 0 ? completion.Value.Content[0].Text?.Trim().Trim('"') : null;
            if (!string.IsNullOrWhiteSpace(query) && query.Length <= MaxQueryChars)
            {
                return new RetrievalQuery(query);
            }

            LogFallback("unusable rewrite");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogFallback("timed out");
        }
        catch (ClientResultException ex)
        {
            LogFallback($"HTTP {ex.Status}");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidOperationException or System.Text.Json.JsonException)
        {
            LogFallback(ex.GetType().Name);
        }

        return fallback.Rewrite(request);
    }

    [LoggerMessage(EventId = 2009, Level = LogLevel.Warning, Message = "The model's query rewrite was not used ({Reason}); the thread's key terms are carried over instead")]
    private partial void LogFallback(string reason);
}

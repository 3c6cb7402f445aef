using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI.Chat;
using OracleBot.Answers.Conversation;
using OracleBot.Answers.Retrieval;

namespace OracleBot.Answers.Writing;

/// <summary>The Azure OpenAI chat client when <c>Answers:AzureOpenAI</c> is configured, else none.</summary>
internal sealed class AzureChat
{
    // The client's own retry policy handles 408/429/5xx and honours Retry-After; two retries keep the turn short.
    private const int MaxRetries = 2;

    public AzureChat(IOptions<AnswersOptions> options)
    {
        var settings = options.Value.AzureOpenAI;
        if (!settings.IsConfigured)
        {
            return;
        }

        var clientOptions = new AzureOpenAIClientOptions
        {
            RetryPolicy = new ClientRetryPolicy(MaxRetries),
            NetworkTimeout = settings.Timeout,
        };
        var client = string.IsNullOrWhiteSpace(settings.ApiKey)
            ? new AzureOpenAIClient(settings.Endpoint!, new DefaultAzureCredential(), clientOptions)
            : new AzureOpenAIClient(settings.Endpoint!, new ApiKeyCredential(settings.ApiKey), clientOptions);
        Client = client.GetChatClient(settings.Deployment!);
    }

    public ChatClient? Client { get; }

    public static IAnswerWriter? Writer(IServiceProvider services)
    {
        var chat = services.GetRequiredService<AzureChat>().Client;
        return chat is null
            ? services.GetService<IAnswerWriter>()
            : new AzureOpenAIAnswerWriter(chat, services.GetRequiredService<KnowledgeIndex>(), services.GetRequiredService<IOptions<AnswersOptions>>(), services.GetRequiredService<ILogger<AzureOpenAIAnswerWriter>>());
    }

    public static IQueryRewriter Rewriter(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<AnswersOptions>>().Value;
        var offline = new CarryOverQueryRewriter(services.GetRequiredService<KnowledgeIndex>(), options.ShortQuestionWords);
        var chat = services.GetRequiredService<AzureChat>().Client;
        return chat is null || !options.AzureOpenAI.RewriteQueries
            ? offline
            : new ModelQueryRewriter(chat, offline, options.AzureOpenAI.Timeout, services.GetRequiredService<ILogger<ModelQueryRewriter>>());
    }
}

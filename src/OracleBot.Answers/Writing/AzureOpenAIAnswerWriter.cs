using System.ClientModel;
using System.Text;
using System.Text.Json;
using Lucene.Net.Analysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI.Chat;
using OracleBot.Answers.Composition;
using OracleBot.Answers.Contract;
using OracleBot.Answers.Retrieval;

namespace OracleBot.Answers.Writing;

/// <summary>
/// Writes answers with an Azure OpenAI chat deployment: structured output against a JSON schema, streamed
/// (partial text is passed on as it arrives), then the grounding check. Any failure — HTTP errors after the
/// client's retries, a timeout, malformed or empty output, nothing surviving the check — returns null so
/// the extractive answer is used. Logs carry counts and failure kinds, never question or answer text.
/// </summary>
public sealed partial class AzureOpenAIAnswerWriter : IAnswerWriter
{
    private readonly ChatClient _chat;
    private readonly KnowledgeIndex _index;
    private readonly AnswersOptions _options;
    private readonly ILogger<AzureOpenAIAnswerWriter> _logger;
    private readonly Lazy<GroundingCheck> _grounding;
    private readonly Lazy<ExtractiveComposer> _answerability;

    public AzureOpenAIAnswerWriter(ChatClient chat, KnowledgeIndex index, IOptions<AnswersOptions> options, ILogger<AzureOpenAIAnswerWriter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _chat = chat;
        _index = index;
        _options = options.Value;
        _logger = logger;
        _grounding = new Lazy<GroundingCheck>(() => new GroundingCheck(new LexicalSupport(index.Analyzer, index.Impacts.TextIdf), _options.MaxStatements));
        _answerability = new Lazy<ExtractiveComposer>(() => new ExtractiveComposer(index.Analyzer, index.Store, 1));
    }

    public async Task<Answer?> WriteAsync(AnswerRequest request, RetrievalResult retrieval, Answer extractive, Action<string>? partialText, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(retrieval);
        ArgumentNullException.ThrowIfNull(extractive);
        var offered = GroundingPassages.Select(retrieval);
        if (offered.Count == 0)
        {
            return null;
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(_options.AzureOpenAI.Timeout);
        string output;
        try
        {
            output = await StreamAsync(request, offered, partialText, budget.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogFallback("timed out");
            return null;
        }
        catch (ClientResultException ex)
        {
            LogFallback($"HTTP {ex.Status}");
            return null;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            LogFallback(ex.GetType().Name);
            return null;
        }

        ModelAnswer? model;
        try
        {
            model = string.IsNullOrWhiteSpace(output) ? null : JsonSerializer.Deserialize(output, ModelAnswerJson.Default.ModelAnswer);
        }
        catch (JsonException)
        {
            LogFallback("malformed JSON");
            return null;
        }

        if (model is null)
        {
            LogFallback("empty answer");
            return null;
        }

        var outcome = _grounding.Value.Apply(model, offered, extractive, ExtractiveComposer.SectionOrderFor(Audiences.Parse(request.Audience)), Answerable);
        LogGrounded(outcome.Kept, outcome.Dropped);
        if (outcome.Answer is null)
        {
            LogFallback("no statement survived the grounding check");
        }

        return outcome.Answer;
    }

    private async Task<string> StreamAsync(AnswerRequest request, IReadOnlyList<(string Id, Knowledge.Passage Passage)> offered, Action<string>? partialText, CancellationToken cancellationToken)
    {
        var options = new ChatCompletionOptions
        {
            Temperature = 0.1f,
            ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat("grounded_answer", ModelAnswerSchema.Schema, jsonSchemaIsStrict: true),
        };
        ChatMessage[] messages = [new SystemChatMessage(AnswerPrompt.System(Audiences.Parse(request.Audience))), new UserChatMessage(AnswerPrompt.User(request.Question, offered))];
        var output = new StringBuilder();
        var shown = string.Empty;
        await foreach (var update in _chat.CompleteChatStreamingAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            foreach (var part in update.ContentUpdate)
            {
                output.Append(part.Text);
            }

            if (partialText is not null)
            {
                var text = PartialAnswerText.From(output.ToString());
                if (text.Length > shown.Length)
                {
                    shown = text;
                    partialText(text);
                }
            }
        }

        return output.ToString();
    }

    // A follow-up is offered only when the knowledge base answers it, judged as the extractive composer judges.
    private bool Answerable(string question) =>
        _answerability.Value.Answers(question, _index.Retrieve(new RetrievalQuery(question), 3));

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "The model's answer was not used ({Reason}); the extractive answer is given instead")]
    private partial void LogFallback(string reason);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Debug, Message = "Grounding check kept {Kept} statements and dropped {Dropped}")]
    private partial void LogGrounded(int kept, int dropped);
}

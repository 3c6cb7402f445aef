namespace OracleBot.Answers;

/// <summary>Azure OpenAI settings (section <c>Answers:AzureOpenAI</c>). No endpoint: answers stay extractive.</summary>
public sealed class AzureOpenAIOptions
{
    /// <summary>The resource endpoint, e.g. <c>https://my-resource.openai.azure.com/</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The chat model deployment name.</summary>
    public string? Deployment { get; set; }

    /// <summary>An API key; empty = managed identity (DefaultAzureCredential).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Time allowed for one model call before the extractive answer is used.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Whether follow-up questions are rewritten by the model (else offline carry-over).</summary>
    public bool RewriteQueries { get; set; } = true;

    public bool IsConfigured => Endpoint is not null && !string.IsNullOrWhiteSpace(Deployment);
}

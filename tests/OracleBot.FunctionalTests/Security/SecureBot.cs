using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OracleBot.FunctionalTests.Bot;
using OracleBot.Security;

namespace OracleBot.FunctionalTests.Security;

/// <summary>
/// The whole bot as deployed (Production environment: https service URLs only, except the loopback channel,
/// which is allow-listed), with every log entry captured and the answer service counted.
/// </summary>
public sealed class SecureBot : IAsyncLifetime, IAsyncDisposable
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private CountingAnswerService? _answers;

    public SecureBot()
        : this(null)
    {
    }

    internal SecureBot(IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? services = null, bool allowLoopback = true)
    {
        _settings = new Dictionary<string, string?>(CapturedLogs.Settings)
        {
            ["environment"] = "Production",
            ["Turns:Streaming"] = "false",
            ["Conversations:DataDirectory"] = DataDirectory,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        _services = services;
        AllowLoopback = allowLoopback;
    }

    public SignedBotHost Host { get; private set; } = null!;

    public CapturedLogs Logs { get; } = new();

    public CountingAnswerService Answers => _answers ?? throw new InvalidOperationException("Not started.");

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "oraclebot-security-" + Guid.NewGuid().ToString("N")[..8]);

    private bool AllowLoopback { get; }

    public LoopbackChannel Channel => Host.Channel;

    /// <summary>Starts a bot outside a fixture; dispose it with <c>await using</c>.</summary>
    public static async Task<SecureBot> StartAsync(SecureBot bot)
    {
        await bot.InitializeAsync();
        return bot;
    }

    public async Task InitializeAsync()
    {
        SignedBotHost host = null!;
        host = new SignedBotHost
        {
            Settings = _settings,
            ConfigureServices = services =>
            {
                services.AddSingleton<ILoggerProvider>(Logs);
                CountingAnswerService.Install(services, counting => _answers = counting);
                if (AllowLoopback)
                {
                    services.PostConfigure<InboundSecurityOptions>(o => o.AllowedServiceUrls.Add(host.Channel.ServiceUrl));
                }

                _services?.Invoke(services);
            },
        };
        Host = host;
        await host.InitializeAsync();
        _ = host.Services.GetRequiredService<OracleBot.Answers.Contract.IAnswerService>();
    }

    /// <summary>A message from <paramref name="user"/> in tenant <paramref name="tenant"/>, in its own conversation unless given one.</summary>
    public OracleBot.Protocol.Schema.Activity Message(string text, string? conversationId = null, string tenant = "loopback-tenant", string user = "29:loopback-user")
    {
        var activity = Channel.CreateMessage(text, SignedBotHost.AppId, conversationId ?? "a:" + Guid.NewGuid().ToString("N"));
        activity.From!.Id = user;
        activity.From.AadObjectId = null;
        activity.Conversation!.TenantId = tenant;
        activity.ChannelData = new System.Text.Json.Nodes.JsonObject { ["tenant"] = new System.Text.Json.Nodes.JsonObject { ["id"] = tenant } };
        return activity;
    }

    public Task<HttpResponseMessage> PostAsync(OracleBot.Protocol.Schema.Activity activity) =>
        Channel.PostActivityAsync(Host.MessagesEndpoint, activity, Host.Token());

    public Task<HttpResponseMessage> PostAsync(string json) =>
        Channel.PostActivityAsync(Host.MessagesEndpoint, json, Host.Token());

    /// <summary>The message replies (cards or text) the bot sent into <paramref name="conversationId"/>.</summary>
    public IReadOnlyList<CapturedConnectorRequest> RepliesIn(string conversationId) =>
        [.. Channel.Requests.Where(r => r.ConversationId == conversationId && r.Activity?.Type == "message")];

    public async Task<CapturedConnectorRequest> ReplyAsync(string conversationId, TimeSpan? timeout = null) =>
        (await Channel.WaitForActivitiesAsync(
            r => r.ConversationId == conversationId && r.Activity?.Type == "message" && r.Succeeded, 1, timeout ?? TimeSpan.FromSeconds(30)))[0];

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

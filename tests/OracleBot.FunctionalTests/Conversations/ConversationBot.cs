using Microsoft.Extensions.DependencyInjection;
using OracleBot.Answers;
using OracleBot.Answers.Contract;
using OracleBot.Conversations;
using OracleBot.FunctionalTests.Bot;

namespace OracleBot.FunctionalTests.Conversations;

/// <summary>
/// The whole signed bot with its own SQLite data directory, answers slowed a little (as a remote answer service
/// would be) so progress shows, and the answer requests recorded.
/// </summary>
public sealed class ConversationBot : IAsyncLifetime
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("oraclebot-turns-").FullName;
    private RecordingAnswerService _answers = null!;

    public SignedBotHost Host { get; private set; } = null!;

    internal IReadOnlyList<AnswerRequest> AnswerRequests => _answers.Requests;

    public IConversationStore Store => Host.Services.GetRequiredService<IConversationStore>();

    public async Task InitializeAsync()
    {
        Host = new SignedBotHost
        {
            Settings = new Dictionary<string, string?>
            {
                ["Conversations:DataDirectory"] = _dataDirectory,
                ["Turns:SimulatedAnswerDelay"] = "00:00:00.300",
            },
            ConfigureServices = services => services.AddSingleton<IAnswerService>(sp =>
                _answers = new RecordingAnswerService(ActivatorUtilities.CreateInstance<EmbeddedAnswerService>(sp))),
        };
        await Host.InitializeAsync();
        _ = Host.Services.GetRequiredService<IAnswerService>();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}

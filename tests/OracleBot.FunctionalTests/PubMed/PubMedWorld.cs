using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using OracleBot.Answers;
using OracleBot.Answers.Contract;
using OracleBot.Answers.PubMed;
using OracleBot.Answers.Retrieval;
using OracleBot.Conversations;
using OracleBot.FunctionalTests.Infrastructure;
using OracleBot.PubMed;
using OracleBot.TestSupport.EUtilities;

namespace OracleBot.FunctionalTests.PubMed;

/// <summary>
/// The embedded answer engine, registered exactly as the bot registers it, with PubMed switched on and pointed at
/// a loopback E-utilities server serving the PubMedQA abstracts. The local library is the MedQuAD seed pages
/// only, so the PubMedQA questions are outside it and PubMed is the only place their answers are.
/// </summary>
internal sealed class PubMedWorld : IAsyncDisposable
{
    // Test-only publication types (see TestRecords.Load): these records are not guidelines and were not retracted.
    public const string GuidelineTyped = "18239988"; // laboratory markers of alcoholic and nonalcoholic steatohepatitis
    public const string RetractedTyped = "18847643"; // therapeutic anticoagulation in trauma (2008); typed retracted after indexing

    private readonly bool _ownsEUtilities;
    private ServiceProvider _services = null!;

    private PubMedWorld(LoopbackEUtilities eutilities, bool ownsEUtilities)
    {
        EUtilities = eutilities;
        _ownsEUtilities = ownsEUtilities;
    }

    public LoopbackEUtilities EUtilities { get; }

    public IAnswerService Answers { get; private set; } = null!;

    public PubMedCircuit Circuit => _services.GetRequiredService<PubMedCircuit>();

    public static string SharedData { get; } = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "data"));

    public static IReadOnlyList<TestRecord> Records { get; } = TestRecords.Load(
        Path.Combine(SharedData, "pubmedqa", "corpus.jsonl"),
        new Dictionary<string, string[]> { [GuidelineTyped] = ["Practice Guideline"], [RetractedTyped] = ["Retracted Publication"] });

    /// <summary>The PubMedQA dev questions: outside the MedQuAD-only library, each with its gold PMID.</summary>
    public static IReadOnlyList<(string Question, string Gold)> DevQuestions { get; } = [.. File.ReadLines(Path.Combine(SharedData, "pubmedqa", "questions-dev.jsonl"))
        .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement)
        .Select(q => (q.GetProperty("question").GetString()!, q.GetProperty("gold_ids")[0].GetString()!))];

    /// <param name="eutilities">A stand-in another world already uses (two instances, one NCBI); null starts one of its own.</param>
    /// <param name="conversationStore">
    /// Register the bot's conversation store (<c>Conversations:*</c>) and put PubMed's cache and rate gate in it, as
    /// the bot does; without it they are the engine's in-memory ones.
    /// </param>
    public static async Task<PubMedWorld> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null, LoopbackEUtilities? eutilities = null, bool conversationStore = false)
    {
        var world = new PubMedWorld(eutilities ?? await LoopbackEUtilities.StartAsync(Records, new HashSet<string> { RetractedTyped }), eutilities is null);
        var configuration = new Dictionary<string, string?>
        {
            ["Answers:Mode"] = "Embedded",
            ["Answers:SeedsDirectory"] = MedQuadOnlySeeds,
            ["Answers:IndexDirectory"] = RepositoryPaths.MedQuadIndexDirectory,
            [RepositoryPaths.VectorsEnabledSetting] = "false",
            ["Answers:AnswerCacheSize"] = "0",
            ["Answers:PubMed:Enabled"] = "true",
            ["Answers:PubMed:BaseAddress"] = world.EUtilities.BaseAddress.ToString(),
            ["Answers:PubMed:Email"] = "pubmed-tests@example.org",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build())
            .AddLogging()
            .AddAnswerService();
        if (conversationStore)
        {
            services.AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = RepositoryPaths.Root });
            services.AddConversationStore().AddPubMedStore();
        }

        world._services = services.BuildServiceProvider(validateScopes: true);
        world.Answers = world._services.GetRequiredService<IAnswerService>();
        await world._services.GetRequiredService<KnowledgeIndex>().EnsureReadyAsync(CancellationToken.None);
        return world;
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public Task<Answer> AskAsync(string question) =>
        Answers.AnswerAsync(new AnswerRequest(question, "physician", []), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_ownsEUtilities)
        {
            await EUtilities.DisposeAsync();
        }
    }

    /// <summary>The MedQuAD seed pages alone, as a seeds directory.</summary>
    public static string MedQuadOnlySeeds { get; } = CopyMedQuadSeeds();

    // Copied once per checkout (not per run), so the index built over it is reused like the full one.
    private static string CopyMedQuadSeeds()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "artifacts", "pubmed-seeds");
        var target = Path.Combine(folder, "medquad");
        var source = Path.Combine(RepositoryPaths.Root, "seeds", "medquad");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            var copy = Path.Combine(target, Path.GetFileName(file));
            if (!File.Exists(copy) || new FileInfo(copy).Length != new FileInfo(file).Length)
            {
                File.Copy(file, copy, overwrite: true);
            }
        }

        return folder;
    }
}

using System.Text;
using System.Text.Json;
using OracleBot.FunctionalTests.Infrastructure;

namespace OracleBot.FunctionalTests.Answers;

/// <summary>
/// The bot as its own process over a small corpus, with passage vectors on and the real model: <c>/readyz</c>
/// is Degraded (200) while the vectors are computed elsewhere on the machine and turns Healthy once this bot has
/// them; a restart reads the stored vectors; <c>build-index</c> computes them, as the container image build does.
/// </summary>
public sealed class HybridReadinessTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("oraclebot-hybrid-").FullName;

    private string Seeds => Path.Combine(_root, "seeds");

    private string IndexRoot => Path.Combine(_root, "index");

    public HybridReadinessTests()
    {
        Directory.CreateDirectory(Path.Combine(Seeds, "test"));
        var lines = new[]
        {
            Line("ref:asthma", "Asthma (Test)", "Asthma is a chronic disease of the airways. Inhaled corticosteroids are the most effective long-term control medicine for asthma."),
            Line("ref:gout", "Gout (Test)", "Gout is a form of arthritis caused by uric acid crystals in a joint. Allopurinol lowers uric acid levels over the long term."),
            Line("ref:mi", "Myocardial infarction (Test)", "Acute myocardial infarction is managed at once with aspirin and prompt reperfusion of the blocked coronary artery."),
        };
        File.WriteAllText(Path.Combine(Seeds, "test", "corpus.jsonl"), string.Join('\n', lines) + "\n", Encoding.UTF8);
    }

    [Fact]
    public async Task Readiness_is_degraded_until_the_vectors_are_there_and_a_restart_reuses_them()
    {
        var build = await BotCommand.RunAsync(Settings(vectors: false), "build-index");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("vectors off", build.Output, StringComparison.Ordinal);
        var indexPath = Assert.Single(Directory.GetDirectories(IndexRoot, "kb-*"));

        // Holding the lock file stands for another bot on this machine that is computing the vectors.
        var turn = new FileStream(Path.Combine(indexPath, ".vectors.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        var settings = Settings(vectors: true);
        settings["Conversations:DataDirectory"] = Path.Combine(_root, "data");
        await using (var bot = await BotProcess.StartAsync(settings))
        {
            using var http = new HttpClient { BaseAddress = bot.BaseAddress };
            try
            {
                await Task.Delay(1000);
                Assert.Equal("Degraded", await ReadyBodyAsync(http));
                Assert.False(File.Exists(Path.Combine(indexPath, "vectors.bin")));
            }
            finally
            {
                turn.Dispose();
            }

            await WaitForAsync(http, "Healthy", TimeSpan.FromMinutes(2));
            Assert.True(File.Exists(Path.Combine(indexPath, "vectors.bin")));
        }

        var written = File.GetLastWriteTimeUtc(Path.Combine(indexPath, "vectors.bin"));
        await using (var restarted = await BotProcess.StartAsync(settings))
        {
            using var http = new HttpClient { BaseAddress = restarted.BaseAddress };
            await WaitForAsync(http, "Healthy", TimeSpan.FromSeconds(30));
        }

        Assert.Equal(written, File.GetLastWriteTimeUtc(Path.Combine(indexPath, "vectors.bin")));
        Assert.False(File.Exists(Path.Combine(indexPath, "vectors.partial")));
    }

    [Fact]
    public async Task Build_index_computes_the_vectors_so_a_new_instance_starts_complete()
    {
        var build = await BotCommand.RunAsync(Settings(vectors: true), "build-index");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("vectors ready", build.Output, StringComparison.Ordinal);
        var indexPath = Assert.Single(Directory.GetDirectories(IndexRoot, "kb-*"));
        Assert.True(new FileInfo(Path.Combine(indexPath, "vectors.bin")).Length > 3 * 384);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private Dictionary<string, string> Settings(bool vectors) => new()
    {
        ["Answers:SeedsDirectory"] = Seeds,
        ["Answers:IndexDirectory"] = IndexRoot,
        [RepositoryPaths.VectorsEnabledSetting] = vectors ? "true" : "false",
    };

    private static async Task<string> ReadyBodyAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"/readyz {(int)response.StatusCode} {body}");
        return body;
    }

    private static async Task WaitForAsync(HttpClient http, string status, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        string body;
        while ((body = await ReadyBodyAsync(http)) != status)
        {
            Assert.True(DateTime.UtcNow < deadline, $"/readyz still says {body} after {timeout}");
            await Task.Delay(100);
        }
    }

    private static string Line(string id, string title, string text) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["id"] = id, ["title"] = title, ["text"] = text, ["source"] = "Test source", ["year"] = 2020,
        ["url"] = "https://example.org/" + id, ["kind"] = "reference", ["license"] = "CC BY 4.0",
    });
}

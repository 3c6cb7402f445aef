using Microsoft.Extensions.DependencyInjection;
using OracleBot.Cli;

namespace OracleBot.Tests.Evaluation;

/// <summary>The eval verb over real files: several corpora are indexed together; a corpus it cannot read fails in one line.</summary>
[Collection(ConsoleCapture.Name)]
public sealed class EvalVerbTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("eval-verb-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Every_corpus_given_after_one_option_is_indexed()
    {
        var first = Corpus("a", Document("doc:lipids", "Statins lower LDL cholesterol in adults with hyperlipidemia."));
        var second = Corpus("b", Document("doc:gout", "Allopurinol lowers serum urate in patients with recurrent gout flares."));
        var third = Corpus("c", Document("doc:asthma", "Inhaled corticosteroids reduce exacerbations in persistent asthma."));
        var questions = Write("questions.jsonl",
            """{"id": "1", "question": "Does allopurinol lower urate in gout?", "gold_ids": ["doc:gout"]}""",
            """{"id": "2", "question": "Do inhaled corticosteroids reduce asthma exacerbations?", "gold_ids": ["doc:asthma"]}""",
            """{"id": "3", "question": "What is the amoxicillin dose for otitis media?", "gold_ids": [], "out_of_scope": true}""");

        var (code, output, error) = await RunAsync("--corpus", first, second, third, "--questions", questions, "--index", Path.Combine(_root, "index"), "--out", Path.Combine(_root, "out.tsv"));

        Assert.True(code == 0, error);
        Assert.Contains("3 documents", output, StringComparison.Ordinal);
        Assert.Contains("from 3 files", output, StringComparison.Ordinal);
        Assert.Contains("recall@1    1.000", output, StringComparison.Ordinal);
        Assert.Contains("1 out of scope", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_root, "out.answers.tsv")));
    }

    [Fact]
    public async Task A_corpus_it_cannot_read_gets_one_line_naming_file_line_and_reason()
    {
        var good = Corpus("a", Document("doc:lipids", "Statins lower LDL cholesterol in adults with hyperlipidemia."));
        var bad = Write(Path.Combine("b", "corpus.jsonl"), Document("doc:ok", "A fine first line of text here."), "{\"id\": \"doc:broken\", \"text\": ");
        var questions = Write("questions.jsonl", """{"id": "1", "question": "statins", "gold_ids": ["doc:lipids"]}""");

        var (code, output, error) = await RunAsync("--corpus", good, bad, "--questions", questions, "--index", Path.Combine(_root, "index"));

        Assert.Equal(1, code);
        Assert.Empty(output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"eval: {bad}:2: not a JSON object", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_corpus_is_named()
    {
        var questions = Write("questions.jsonl", """{"id": "1", "question": "statins", "gold_ids": ["doc:lipids"]}""");
        var missing = Path.Combine(_root, "nowhere.jsonl");

        var (code, _, error) = await RunAsync("--corpus", missing, "--questions", questions, "--index", Path.Combine(_root, "index"));

        Assert.Equal(2, code);
        Assert.Equal($"eval: corpus '{missing}' does not exist.", error.Trim());
    }

    private string Corpus(string folder, params string[] lines) => Write(Path.Combine(folder, "corpus.jsonl"), lines);

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllLines(path, lines);
        return path;
    }

    private static string Document(string id, string text) =>
        $$"""{"id": "{{id}}", "title": "{{id}}", "text": "{{text}}", "kind": "research", "url": "https://example.org/{{id}}", "source": "test", "license": "test"}""";

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] arguments)
    {
        using var services = new ServiceCollection().BuildServiceProvider();
        var output = new StringWriter();
        var error = new StringWriter();
        var (oldOut, oldError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var code = await new EvalVerb().RunAsync(arguments, services, CancellationToken.None);
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }
}

/// <summary>Tests that redirect the process's console run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCapture
{
    public const string Name = "Console capture";
}

using OracleBot.Answers.Composition;
using OracleBot.Answers.Contract;
using OracleBot.Answers.Retrieval;

namespace OracleBot.Tests.Answers;

/// <summary>Tests over a BM25 index of their own few seed records, answered by the extractive composer.</summary>
public abstract class SmallIndexTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    protected SmallIndexTests(params string[] lines) => Index = TestDocuments.OpenIndex(_temp.Path, lines);

    protected KnowledgeIndex Index { get; }

    protected Answer Ask(string question) =>
        new ExtractiveComposer(Index.Analyzer, Index.Store, 8).Compose("a1", question, Index.Retrieve(new RetrievalQuery(question), 8));

    public void Dispose()
    {
        Index.Dispose();
        _temp.Dispose();
        GC.SuppressFinalize(this);
    }
}

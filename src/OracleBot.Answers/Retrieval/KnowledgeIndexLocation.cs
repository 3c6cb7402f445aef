namespace OracleBot.Answers.Retrieval;

/// <summary>Where the seed files are read from and where their index is kept.</summary>
public sealed record KnowledgeIndexLocation(string SeedsDirectory, string IndexDirectory);

/// <summary>What opening the index took; logged at start-up and useful to benchmarks.</summary>
public sealed record KnowledgeIndexReport(bool Built, int Documents, int Passages, TimeSpan LoadTime, TimeSpan IndexTime, string IndexPath);

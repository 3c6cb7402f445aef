namespace OracleBot.Answers.Embeddings;

/// <summary>Where the dense vectors of the knowledge base stand.</summary>
public enum VectorState
{
    /// <summary>Switched off, or the knowledge base is larger than <see cref="VectorOptions.MaxPassages"/>: BM25 alone.</summary>
    Off,

    /// <summary>Waiting for the index to open.</summary>
    Pending,

    /// <summary>Being computed (by this process or another on the machine): BM25 alone until ready.</summary>
    Embedding,

    /// <summary>Loaded: retrieval fuses BM25 and cosine similarity.</summary>
    Ready,

    /// <summary>Could not be computed or loaded (see the log): BM25 alone.</summary>
    Failed,
}

/// <summary>The vectors' state, with how many of the passages have been embedded so far.</summary>
public sealed record VectorStatus(VectorState State, int Embedded, int Total)
{
    /// <summary>True while vectors are expected but not there yet.</summary>
    public bool IsPending => State is VectorState.Pending or VectorState.Embedding;
}

namespace OracleBot.Answers.Indexing;

/// <summary>Field names of the passage index.</summary>
internal static class IndexFields
{
    /// <summary>The passage, its section heading first.</summary>
    public const string Text = "text";

    /// <summary>The document's title and MeSH terms.</summary>
    public const string Title = "title";

    /// <summary>The whole document; present on its first passage only.</summary>
    public const string Document = "doc";

    public const string Ordinal = "ord";
}

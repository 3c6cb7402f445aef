namespace OracleBot.Answers.Indexing;

/// <summary>Field names of the passage index.</summary>
internal static class IndexFields
{
    public const string Text = "text";
    public const string Title = "title";
    public const string Heading = "heading";
    public const string Keywords = "keywords";
    public const string Ordinal = "ord";
}

namespace OracleBot.Answers.Knowledge.Import;

/// <summary>Metadata for imported documents that the files themselves do not carry (command-line flags).</summary>
public sealed record ImportDefaults(string? Kind = null, string? Source = null, string? License = null, string? Url = null, int? Year = null, string? Title = null);

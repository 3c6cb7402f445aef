using System.ComponentModel.DataAnnotations;

namespace OracleBot.Cards;

/// <summary>Settings of the <c>Cards</c> configuration section.</summary>
public sealed class CardsOptions
{
    public const string SectionName = "Cards";

    /// <summary>
    /// Folder holding the card templates. When empty: <c>cards</c> beside the application, else the
    /// first <c>cards/answer.json</c> found walking up from the current directory (a source checkout).
    /// </summary>
    public string? TemplatesDirectory { get; set; }

    /// <summary>
    /// Largest serialized answer card. Teams refuses messages much over 80 KB in all; with the AI entity
    /// (at most <see cref="TeamsAiEntity.MaxBytes"/>) and the envelope, 60 KB keeps the activity under that.
    /// </summary>
    [Range(8_000, 60_000)]
    public int MaxCardBytes { get; set; } = 60_000;
}

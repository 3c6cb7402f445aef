using System.ComponentModel.DataAnnotations;

namespace OracleBot.Endpoints;

/// <summary>Limits of the inbound <c>/api/messages</c> endpoint (section <c>Bot</c>).</summary>
public sealed class MessagesOptions
{
    public const string SectionName = "Bot";

    /// <summary>Largest accepted request body. Teams messages stay under about 100 KB.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 256 * 1024;
}

using System.ComponentModel.DataAnnotations;
using OracleBot.Answers.Contract;

namespace OracleBot.Conversations;

/// <summary>Where conversation state lives and how long it is kept (section <c>Conversations</c>).</summary>
public sealed class ConversationOptions : IValidatableObject
{
    public const string SectionName = "Conversations";

    /// <summary><c>Sqlite</c> (one instance, a file under <see cref="DataDirectory"/>) or <c>Redis</c> (several instances).</summary>
    public ConversationStoreKind Store { get; set; } = ConversationStoreKind.Sqlite;

    /// <summary>Directory of the SQLite file, relative to the content root unless absolute.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>StackExchange.Redis configuration string, e.g. <c>localhost:6379</c>; required for the Redis store.</summary>
    public string? Redis { get; set; }

    /// <summary>Prefix of every Redis key, so several bots can share one Redis.</summary>
    [Required]
    public string RedisKeyPrefix { get; set; } = "oraclebot:";

    /// <summary>Earlier turns of a thread kept as context for follow-ups.</summary>
    [Range(1, AnswerRequestLimits.MaxContextTurns)]
    public int TurnsKept { get; set; } = 5;

    /// <summary>Thread state, preferences and feedback older than this many days are deleted.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 30;

    /// <summary>How long an answered activity's id is remembered to drop Teams' redeliveries.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan ClaimWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How long an instance owns an accepted activity without renewing; after that another instance (or the
    /// next start) takes it over. Live instances renew at a third of this.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan InboxLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts before an activity that keeps failing (or crashing the bot) is given up.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>How often expired state is purged.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Store == ConversationStoreKind.Redis && string.IsNullOrWhiteSpace(Redis))
        {
            yield return new ValidationResult("Conversations:Redis is required when Conversations:Store is Redis.", [nameof(Redis)]);
        }

        if (Store == ConversationStoreKind.Sqlite && string.IsNullOrWhiteSpace(DataDirectory))
        {
            yield return new ValidationResult("Conversations:DataDirectory is required for the SQLite store.", [nameof(DataDirectory)]);
        }
    }
}

public enum ConversationStoreKind
{
    Sqlite,
    Redis,
}

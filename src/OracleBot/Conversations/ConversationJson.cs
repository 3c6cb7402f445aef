using System.Text.Json.Serialization;

namespace OracleBot.Conversations;

/// <summary>Source-generated JSON for what the stores keep as text.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ThreadTurn))]
[JsonSerializable(typeof(List<ThreadTurn>))]
[JsonSerializable(typeof(FeedbackRecord))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class ConversationJson : JsonSerializerContext;

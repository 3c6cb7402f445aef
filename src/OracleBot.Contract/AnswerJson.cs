using System.Text.Json;
using System.Text.Json.Serialization;

namespace OracleBot.Answers.Contract;

/// <summary>
/// The answer contract's JSON form, shared by the remote answer service and its client: camelCase
/// properties, document kinds as strings ("guideline"), source-generated (no reflection).
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AnswerRequest))]
[JsonSerializable(typeof(Answer))]
[JsonSerializable(typeof(AnswerUpdate))]
public sealed partial class AnswerJson : JsonSerializerContext;

using System.Text.Json;
using System.Text.Json.Serialization;

namespace OracleBot.Answers.PubMed;

/// <summary>How cached records are written: compact, source-generated.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PubMedRecord))]
internal sealed partial class PubMedCacheJson : JsonSerializerContext;

using OracleBot.Conversations;
using OracleBot.Protocol.Schema;

namespace OracleBot.Turns;

/// <summary>An accepted activity waiting for a worker, with the key it was claimed under.</summary>
internal sealed record QueuedTurn(ActivityKey Key, Activity Activity);

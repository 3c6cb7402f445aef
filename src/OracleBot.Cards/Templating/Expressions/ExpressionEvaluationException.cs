namespace OracleBot.Cards.Templating.Expressions;

/// <summary>An expression could not be evaluated against the data (e.g. <c>count</c> of a non-array).</summary>
internal sealed class ExpressionEvaluationException(string message) : Exception(message);

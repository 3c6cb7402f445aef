namespace OracleBot.Cards.Templating;

/// <summary>
/// A card template uses a construct the binder does not support, or is malformed.
/// Thrown when the template is compiled (at start-up), never silently ignored.
/// </summary>
public sealed class TemplateException(string message) : Exception(message);

using System.Text.RegularExpressions;

namespace OracleBot.Answers.Conversation;

/// <summary>
/// Recognises questions that lean on the thread: ones that open with a connective ("and what about …",
/// "what about", "also") or point back with a pronoun ("is that true…", "does it…", "those patients").
/// </summary>
internal static partial class FollowUpDetector
{
    public static bool LeansOnThread(string question) =>
        LeadingConnective().IsMatch(question) || BackReference().IsMatch(question);

    [GeneratedRegex(@"^\s*(and|also|but|so|then|what about|how about|and what about|and how about|same for|what if|in that case)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingConnective();

    [GeneratedRegex(@"\b(it|its|this|that|these|those|they|them|their|the same|such patients|this condition|this disease|the drug|the treatment|the disease|the condition)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BackReference();
}

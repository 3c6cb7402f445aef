namespace OracleBot.Answers.Composition;

/// <summary>
/// Whether a passage is about what was asked: it names most of the question's topic (in its text, its
/// headings or its document's title, idf-weighted) and speaks to the facet asked (in a heading or a
/// sentence). A long, specific question passes when the passage is about its topic, however many of its
/// other words the passage lacks; a passage on the right disease but another facet does not.
/// </summary>
internal static class RelevanceGate
{
    /// <summary>Share of the topic's weight a relevant passage names.</summary>
    public const double TopicShare = 0.7;

    /// <summary>Share of the topic an abstract's retrieved passages name together, when one passage alone names less than <see cref="TopicShare"/>.</summary>
    public const double DocumentTopicShare = 0.8;

    /// <summary>Cosine (all-MiniLM-L6-v2) above which a passage says what the question asks, whatever its words.</summary>
    public const double SimilarMeaning = 0.6;

    /// <summary>Share of the topic a quoted sentence (with its headings and title) must name.</summary>
    public const double SentenceTopicShare = 0.5;

    /// <summary>
    /// A passage speaks to the facets asked; a question that asks no narrower facet is answered by any passage
    /// on its topic. A yes/no question states a claim ("do inhaled corticosteroids reduce asthma symptoms?"):
    /// its facet words are part of the claim, which the topic share already weighs.
    /// </summary>
    public static bool PassageAddressesFacet(QuestionIntent intent, Facet passageFacets) =>
        intent.YesNo || AddressesFacet(intent, passageFacets);

    /// <summary>
    /// Pregnancy changes what is safe and what is recommended: a question about pregnancy is answered only by
    /// a passage that speaks of it (in its text, headings or title), not by the general advice.
    /// </summary>
    public static bool AddressesPopulation(QuestionIntent intent, Func<Population> passagePopulation)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(passagePopulation);
        return (intent.Population & Population.Pregnancy) == 0 || (passagePopulation() & Population.Pregnancy) != 0;
    }

    /// <summary>
    /// Asked for a kind of thing ("the first-line antibiotic", "the Wells score"), a passage names it, or it
    /// answers another question about the same disease.
    /// </summary>
    public static bool NamesWhatIsAsked(QuestionIntent intent, Func<string, bool> names)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(names);
        return intent.Asked.Count == 0 || intent.Asked.Any(t => names(t.Text));
    }

    /// <summary>A text speaks to the facets asked; a question that asks no narrower facet is answered by any text on its topic.</summary>
    public static bool AddressesFacet(QuestionIntent intent, Facet passageFacets)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var wanted = intent.Specific != Facet.None ? intent.Specific : intent.Facets;

        // "Which opioids are recommended for cancer pain?" asks what to do: a passage on treating, preventing,
        // screening or dosing answers it, whether or not it says "recommend".
        if (wanted == Facet.Recommendation)
        {
            wanted |= Facet.Treatment | Facet.Prevention | Facet.Screening | Facet.Dosing;
        }

        return wanted == Facet.None || (passageFacets & wanted) != 0;
    }
}

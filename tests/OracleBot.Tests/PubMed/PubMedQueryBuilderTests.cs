using OracleBot.Answers.PubMed;

namespace OracleBot.Tests.PubMed;

public sealed class PubMedQueryBuilderTests
{
    [Fact]
    public void Only_topic_terms_survive_identifiers_names_and_stop_words()
    {
        var terms = PubMedQueryBuilder.TopicTerms(
            "Mrs Quibbleworth, DOB 03/14/1962, MRN 48213377, phone 020 7946 0958, jq@example.org: is apixaban safe in atrial fibrillation with renal failure?",
            new Vocabulary());
        Assert.Equal(["apixaban", "atrial", "fibrillation"], terms);
    }

    [Fact]
    public void The_rarest_terms_are_kept_in_question_order()
    {
        var terms = PubMedQueryBuilder.TopicTerms("What is the best treatment for community-acquired pneumonia in elderly adults with COPD?", new Vocabulary());
        Assert.Equal(PubMedQueryBuilder.MaxTerms, terms.Count);
        Assert.Equal(["community-acquired", "pneumonia", "COPD"], terms);
    }

    [Fact]
    public void Four_searches_tagged_for_guidelines_reviews_trials_and_best_match()
    {
        var searches = PubMedQueryBuilder.Build("How is atrial fibrillation anticoagulated?", new Vocabulary(), recentYears: 10, today: 2026);
        Assert.Equal([PubMedSearchKind.Guideline, PubMedSearchKind.Review, PubMedSearchKind.Trial, PubMedSearchKind.BestMatch], searches.Select(s => s.Kind));
        const string topic = "((\"atrial fibrillation\"[mh] OR (atrial[tiab] AND fibrillation[tiab])) AND anticoagul*[tiab]) AND humans[mh] NOT \"retracted publication\"[pt]";
        Assert.Equal(topic + " AND (\"practice guideline\"[pt] OR \"guideline\"[pt]) AND 2017:2026[dp]", searches[0].Term);
        Assert.Equal(topic + " AND (\"systematic review\"[pt] OR \"meta-analysis\"[pt]) AND 2017:2026[dp]", searches[1].Term);
        Assert.Equal(topic + " AND \"randomized controlled trial\"[pt] AND 2017:2026[dp]", searches[2].Term);
        Assert.Equal(topic, searches[3].Term);
    }

    [Theory]
    [InlineData("What is it?")]
    [InlineData("Mr Smith 12/03/2024")]
    [InlineData("")]
    public void Nothing_is_searched_when_no_topic_term_is_left(string question) =>
        Assert.Empty(PubMedQueryBuilder.Build(question, new Vocabulary(), 10, 2026));

    /// <summary>A small vocabulary: stop words, word rarity by a fixed table, and one MeSH heading.</summary>
    private sealed class Vocabulary : IPubMedVocabulary
    {
        private static readonly HashSet<string> Stop = new(StringComparer.OrdinalIgnoreCase)
        {
            "what", "is", "the", "for", "in", "with", "how", "it", "a", "best", "mrs", "mr", "dob", "mrn", "phone", "removed",
        };

        private static readonly Dictionary<string, float> Rarity = new(StringComparer.OrdinalIgnoreCase)
        {
            ["treatment"] = 1.5f, ["adults"] = 2f, ["elderly"] = 4f, ["pneumonia"] = 5f, ["community-acquired"] = 6f, ["copd"] = 5.5f,
            ["safe"] = 1f, ["failure"] = 2f, ["renal"] = 4f, ["atrial"] = 5f, ["fibrillation"] = 5f, ["apixaban"] = 8f,
        };

        public float? Idf(string word) => Stop.Contains(word) ? null : Rarity.GetValueOrDefault(word, 7f);

        public bool Knows(string word) => Rarity.ContainsKey(word);

        public bool IsMeshHeading(string phrase) => phrase == "atrial fibrillation";

        public string? Stem(string word) => word == "anticoagulated" ? "anticoagul" : null;
    }
}

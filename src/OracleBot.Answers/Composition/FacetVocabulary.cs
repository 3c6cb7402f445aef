using System.Text.RegularExpressions;

namespace OracleBot.Answers.Composition;

/// <summary>
/// The words by which a question asks for a facet, a heading announces it and a sentence speaks to it, across
/// the vocabularies of clinicians, guidelines, evidence summaries and consumer pages (prognosis ≈ outlook ≈
/// survival ≈ life expectancy; manage ≈ treat). Matched on lower-cased text at word starts, so "treat"
/// covers "treated", "treatment" and "treating".
/// </summary>
internal static partial class FacetVocabulary
{
    private sealed record Cues(Facet Facet, Regex Question, Regex Heading, Regex Sentence);

    private static readonly Cues[] All =
    [
        new(Facet.Treatment, TreatmentQuestion(), TreatmentHeading(), TreatmentSentence()),
        new(Facet.Prognosis, PrognosisQuestion(), PrognosisHeading(), PrognosisSentence()),
        new(Facet.Diagnosis, DiagnosisQuestion(), DiagnosisHeading(), DiagnosisSentence()),
        new(Facet.Screening, ScreeningQuestion(), ScreeningHeading(), ScreeningSentence()),
        new(Facet.Prevention, PreventionQuestion(), PreventionHeading(), PreventionSentence()),
        new(Facet.RiskFactors, RiskQuestion(), RiskHeading(), RiskSentence()),
        new(Facet.Causes, CausesQuestion(), CausesHeading(), CausesSentence()),
        new(Facet.Presentation, PresentationQuestion(), PresentationHeading(), PresentationSentence()),
        new(Facet.Dosing, DosingQuestion(), DosingHeading(), DosingSentence()),
        new(Facet.AdverseEffects, AdverseQuestion(), AdverseHeading(), AdverseSentence()),
        new(Facet.Recommendation, RecommendationQuestion(), RecommendationHeading(), RecommendationSentence()),
    ];

    /// <summary>
    /// Words that say what is asked rather than about what; they are not the topic. Listed in plain English
    /// and analysed by the index's analyzer once, so the stems match the query's terms.
    /// </summary>
    public const string FacetWords =
        "treat treated treating treatment treatments therapy therapies manage managed management option options first line second standard " +
        "prognosis prognostic outlook survival survive expect expected expectancy life span live normal long term cure cured chance " +
        "diagnose diagnosed diagnosis test tests testing work up evaluate evaluation " +
        "screen screened screening " +
        "prevent prevented prevention preventing reduce risk reduction " +
        "risk risks factor factors " +
        "cause causes caused " +
        "symptom symptoms sign signs present presentation " +
        "dose doses dosing dosage how much " +
        "side effect effects adverse harm harms toxicity complication complications safe safety " +
        "should recommend recommended recommendation guideline need prescribe prescribing prescribed give offer get start starting " +
        "patient patients people person adult adults man men woman women male female year years old older younger aged age over under than someone my our " +
        "what which who when how does do is are can could would will there any " +
        "determine determines determined affect affects influence influences predict predicts best role indicated approach approached " +
        "handle handled use used using help helps keep doing often soon many much long " +
        "worth worthwhile reasonable appropriate advisable necessary required effective systemic qualify qualifies qualified eligible eligibility " +
        "drug drugs medication medications medicine medicines relieve relief";

    public static Facet OfQuestion(string question)
    {
        var text = question.ToLowerInvariant();
        var facets = Facet.None;
        foreach (var cues in All)
        {
            if (cues.Question.IsMatch(text))
            {
                facets |= cues.Facet;
            }
        }

        // "Should I screen…" asks for a recommendation about screening: the recommendation alone adds nothing
        // to the gate when a more specific facet is named, but it still prefers guideline wording.
        return facets;
    }

    public static Facet OfHeading(string heading) => Match(heading, c => c.Heading);

    public static Facet OfSentence(string sentence) => Match(sentence, c => c.Sentence);

    public static bool IsYesNo(string question) => YesNoQuestion().IsMatch(question);

    public static Population PopulationOf(string text)
    {
        var lower = text.ToLowerInvariant();
        var population = Population.None;
        if (ChildrenWords().IsMatch(lower))
        {
            population |= Population.Children;
        }

        if (PregnancyWords().IsMatch(lower))
        {
            population |= Population.Pregnancy;
        }

        if (OlderWords().IsMatch(lower))
        {
            population |= Population.OlderAdults;
        }

        if (MenWords().IsMatch(lower))
        {
            population |= Population.Men;
        }

        return population;
    }

    /// <summary>Sentences that say the evidence does not decide a question.</summary>
    public static bool SaysEvidenceIsUnsettled(string sentence) => Unsettled().IsMatch(sentence.ToLowerInvariant());

    private static Facet Match(string text, Func<Cues, Regex> pick)
    {
        var lower = text.ToLowerInvariant();
        var facets = Facet.None;
        foreach (var cues in All)
        {
            if (pick(cues).IsMatch(lower))
            {
                facets |= cues.Facet;
            }
        }

        return facets;
    }

    private const RegexOptions Options = RegexOptions.CultureInvariant;

    [GeneratedRegex(@"\b(treat|therap|manag|first[- ]line|second[- ]line|adjuvant|neoadjuvant|regimen|options?\b|drugs?\b|medications?\b|medicines?\b|reliev|relief|how (is|are) .{0,60}(handled|approached)|palliat|surgery)", Options)]
    private static partial Regex TreatmentQuestion();

    [GeneratedRegex(@"\b(treat|therap|management|manag|surg|chemotherapy|radiation|radiotherapy|interventions?\b|options?\b|resection|excision|transplant|palliat|systemic|immunotherapy|targeted)", Options)]
    private static partial Regex TreatmentHeading();

    [GeneratedRegex(@"\b(treat|therap|surg|resect|chemotherapy|radiation|radiotherapy|regimen|administ|excision|transplant|inhibitor|medication|medicine|drug|prescrib|palliat|ablation|imatinib|standard of care|first-line|recommended)", Options)]
    private static partial Regex TreatmentSentence();

    [GeneratedRegex(@"\b(prognos|outlook|surviv|life ?span|life expectancy|expect|live (longer|normal)|normal life|cure|curable|chance of recovery|mortality rate|fatal|long-term outcome|outcome)", Options)]
    private static partial Regex PrognosisQuestion();

    [GeneratedRegex(@"\b(prognos|surviv|outlook|outcome)", Options)]
    private static partial Regex PrognosisHeading();

    [GeneratedRegex(@"\b(prognos|surviv|outlook|life expectancy|life span|long-term|cure|curable|mortality|die\b|died|death|fatal|5-year|10-year|median|recurrence-free|relapse-free|remission)", Options)]
    private static partial Regex PrognosisSentence();

    [GeneratedRegex(@"\b(diagnos|work[- ]?up|how (do|can) (you|i|we) (tell|confirm|detect)|confirm|which tests?|what tests?|accura|sensitiv|specific(ity)?\b|biopsy|imaging)", Options)]
    private static partial Regex DiagnosisQuestion();

    [GeneratedRegex(@"\b(diagnos|evaluation|work-?up|testing|tests?\b|assessment|detection|accuracy|sensitivity|specificity)", Options)]
    private static partial Regex DiagnosisHeading();

    [GeneratedRegex(@"\b(diagnos|tests?\b|testing|biopsy|imaging|scan|detect|confirm|measur|examination|sensitivity|specificity|accura|false-positive)", Options)]
    private static partial Regex DiagnosisSentence();

    [GeneratedRegex(@"\b(screen|mammogra|pap (smear|test)|low-dose ct|psa\b|colonoscopy)", Options)]
    private static partial Regex ScreeningQuestion();

    [GeneratedRegex(@"\b(screen|early detection|mammograph|colonoscopy|sigmoidoscopy|computed tomography)", Options)]
    private static partial Regex ScreeningHeading();

    [GeneratedRegex(@"\b(screen|mammogra|colonoscopy|low-dose|psa\b|cytology|testing)", Options)]
    private static partial Regex ScreeningSentence();

    [GeneratedRegex(@"\b(prevent|reduc\w* (the )?(risk|recurrence|incidence)|risk[- ]reduc|prophyla|chemoprevent|vaccin|protect)", Options)]
    private static partial Regex PreventionQuestion();

    [GeneratedRegex(@"\b(prevent|risk[- ]reduc|decreased risk|prophyla|vaccin|interventions with|protect)", Options)]
    private static partial Regex PreventionHeading();

    [GeneratedRegex(@"\b(prevent|reduc|prophyla|lower|decrease|protect|vaccin|avoid)", Options)]
    private static partial Regex PreventionSentence();

    [GeneratedRegex(@"\b(risk factors?|who is at risk|at (high |increased )?risk|increase\w* (the )?risk|raise\w* (the )?risk|risk of|risk in|associated with|linked)", Options)]
    private static partial Regex RiskQuestion();

    [GeneratedRegex(@"\b(risk|etiology|epidemiology)", Options)]
    private static partial Regex RiskHeading();

    [GeneratedRegex(@"\b(risk|associated with|increase|odds|incidence|more likely|carriers?)", Options)]
    private static partial Regex RiskSentence();

    [GeneratedRegex(@"\b(caus|etiolog|why (do|does)|what leads to|origin)", Options)]
    private static partial Regex CausesQuestion();

    [GeneratedRegex(@"\b(caus|etiolog|pathogenesis|pathophysiology)", Options)]
    private static partial Regex CausesHeading();

    [GeneratedRegex(@"\b(caus|result\w* (from|in)|due to|lead\w* to|triggered|damage|inherit|mutation)", Options)]
    private static partial Regex CausesSentence();

    [GeneratedRegex(@"\b(symptom|signs?\b|present(s|ation)?\b|clinical features?|manifest|look like)", Options)]
    private static partial Regex PresentationQuestion();

    [GeneratedRegex(@"\b(symptom|signs?\b|presentation|clinical features?|manifestations?)", Options)]
    private static partial Regex PresentationHeading();

    [GeneratedRegex(@"\b(symptom|signs?\b|present|include|feel|pain|fever|fatigue|manifest)", Options)]
    private static partial Regex PresentationSentence();

    [GeneratedRegex(@"\b((?<!(low|high)[- ])dos(e|es|ing|age)\b|how much|how many (days|mg|tablets)|how long (should|to)|duration|quantity|mg\b|mg/kg|how often)", Options)]
    private static partial Regex DosingQuestion();

    [GeneratedRegex(@"\b(dos(e|es|ing|age)|duration|schedule|frequency|intervals?\b)", Options)]
    private static partial Regex DosingHeading();

    [GeneratedRegex(@"\b(dos(e|es|ing|age)|mg\b|mg/|days?\b|weeks?\b|months?\b|years?\b|duration|quantity|lowest effective|every \d|interval)", Options)]
    private static partial Regex DosingSentence();

    [GeneratedRegex(@"\b(side[- ]effects?|adverse|toxicit|harms?\b|complication|late effects?|safe(ty)?\b|risks of|dangers?\b)", Options)]
    private static partial Regex AdverseQuestion();

    [GeneratedRegex(@"\b(adverse|side effects?|toxicit|harms?\b|complication|late effects?|safety|sequelae)", Options)]
    private static partial Regex AdverseHeading();

    [GeneratedRegex(@"\b(adverse|side effects?|toxicit|harms?\b|risks\b|complication|late effects?|sequelae|overdose|infertility|cardiotoxic|neuropathy|second (primary|cancers?|malignanc))", Options)]
    private static partial Regex AdverseSentence();

    [GeneratedRegex(@"(^\s*(should|do (i|we) need|is it (recommended|advised|worth))\b|\b(recommend|advis|indicated|who qualifies|who should|when should|at what age|eligible)|^\s*(is|are) .{0,80}\b(recommended|indicated|advised)\b)", Options)]
    private static partial Regex RecommendationQuestion();

    [GeneratedRegex(@"\b(recommendation|guideline|indications?\b)", Options)]
    private static partial Regex RecommendationHeading();

    [GeneratedRegex(@"\b(recommend|should|grade [abcdi]\b|suggest|advise|indicated|offer)", Options)]
    private static partial Regex RecommendationSentence();

    [GeneratedRegex(@"^\s*(is|are|does|do|did|can|could|should|will|would|has|have|was|were|may|might|must)\b", RegexOptions.IgnoreCase | Options)]
    private static partial Regex YesNoQuestion();

    [GeneratedRegex(@"\b(child|children|childhood|pediatric|paediatric|infant|infants|adolescen|newborn|neonat|kids?\b|boys?\b|girls?\b)", Options)]
    private static partial Regex ChildrenWords();

    [GeneratedRegex(@"\b(pregnan|prenatal|antenatal|postpartum|perinatal)", Options)]
    private static partial Regex PregnancyWords();

    [GeneratedRegex(@"\b(older adults?|elderly|aged (65|70|75|80)|over (65|70|75|80)|(65|70|75|80) (years )?(or|and) older|geriatric)", Options)]
    private static partial Regex OlderWords();

    [GeneratedRegex(@"\b(men|man|male|males)\b", Options)]
    private static partial Regex MenWords();

    [GeneratedRegex(@"\b(insufficient (evidence|data)|evidence is (insufficient|inadequate|lacking|limited|conflicting|mixed)|not (yet )?known|unknown whether|remains? (unclear|uncertain|controversial)|is unclear|no (randomi[sz]ed|high-quality|prospective) (trials?|studies)|inadequate evidence|balance of benefits and harms cannot be determined)", Options)]
    private static partial Regex Unsettled();
}

using OracleBot.Answers.Contract;

namespace OracleBot.Tests.Cards;

/// <summary>An answer citing a USPSTF recommendation and a PDQ summary, with texts from the seed knowledge base.</summary>
internal static class EvidenceCardData
{
    public const string PnetSection = "Treatment Option Overview for Pancreatic Neuroendocrine Tumors (Islet Cell Tumors) \u203A Surgical Cytoreduction for Metastases";
    public const string PnetEvidence = "Level of evidence C2";
    public const string StatinEvidence = "USPSTF grade B: recommended; the net benefit is moderate";

    public static Citation Pnet(int number) => new(
        number,
        "pdq:pnet-treatment-pdq",
        "pdq:pnet-treatment-pdq#p31",
        "Pancreatic Neuroendocrine Tumors (Islet Cell Tumors) Treatment (PDQ®)–Health Professional Version",
        DocumentKind.Summary,
        "NCI PDQ® (National Cancer Institute)",
        2025,
        "https://www.cancer.gov/types/pancreatic/hp/pnet-treatment-pdq",
        "U.S. Government work (National Cancer Institute)",
        "Resection of all grossly visible liver metastases can be associated with long-term survival and, in the case of symptomatic hormonally functional tumors, symptom relief.",
        PnetSection,
        PnetEvidence,
        new DateOnly(2025, 5, 9));

    public static Citation Statin(int number) => new(
        number,
        "uspstf:statin-use-in-adults-preventive-medication#1981",
        "uspstf:statin-use-in-adults-preventive-medication#1981#p1",
        "Statin Use for the Primary Prevention of Cardiovascular Disease in Adults: Preventive Medication",
        DocumentKind.Guideline,
        "U.S. Preventive Services Task Force",
        2022,
        "https://www.uspreventiveservicestaskforce.org/uspstf/recommendation/statin-use-in-adults-preventive-medication",
        "USPSTF recommendation published by AHRQ",
        "The USPSTF recommends that clinicians prescribe a statin for the primary prevention of CVD for adults aged 40 to 75 years who have 1 or more CVD risk factors.",
        null,
        StatinEvidence);

    /// <summary>Sections in the clinician's order; the question mixes topics only to exercise both kinds.</summary>
    public static Answer Answer() => new(
        "a-evidence",
        "Which evidence applies?",
        new Statement("Resection of all grossly visible liver metastases can be associated with long-term survival.", [1]),
        [
            new AnswerSection(DocumentKind.Guideline,
                [new Statement("The USPSTF recommends that clinicians prescribe a statin for the primary prevention of CVD for adults aged 40 to 75 years who have 1 or more CVD risk factors.", [2])]),
            new AnswerSection(DocumentKind.Summary,
                [new Statement("Resection of all grossly visible liver metastases can be associated with long-term survival.", [1])]),
        ],
        [Pnet(1), Statin(2)],
        [],
        []);
}

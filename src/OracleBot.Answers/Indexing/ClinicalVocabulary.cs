namespace OracleBot.Answers.Indexing;

/// <summary>
/// Clinical abbreviations with their standard expansions, and British spellings with their American
/// forms. An abbreviation is matched in its written case only ("NET" but not the English word "net"),
/// so it can be listed here even when it is also a common word in lower case.
/// </summary>
internal static class ClinicalVocabulary
{
    /// <summary>Abbreviation (as written, plural forms included) → expansion.</summary>
    public static IReadOnlyList<(string Abbreviation, string Expansion)> Abbreviations { get; } =
    [
        ("PNET", "pancreatic neuroendocrine tumor"), ("PNETs", "pancreatic neuroendocrine tumor"),
        ("pNET", "pancreatic neuroendocrine tumor"), ("pNETs", "pancreatic neuroendocrine tumor"),
        ("NET", "neuroendocrine tumor"), ("NETs", "neuroendocrine tumor"),
        ("SSA", "somatostatin analog"), ("SSAs", "somatostatin analog"),
        ("PRRT", "peptide receptor radionuclide therapy"),
        ("HbA1c", "glycated hemoglobin"), ("HbA1C", "glycated hemoglobin"), ("HBA1C", "glycated hemoglobin"), ("A1C", "glycated hemoglobin"),
        ("MI", "myocardial infarction"), ("AMI", "acute myocardial infarction"),
        ("COPD", "chronic obstructive pulmonary disease"),
        ("CHF", "congestive heart failure"), ("HF", "heart failure"),
        ("AF", "atrial fibrillation"), ("AFib", "atrial fibrillation"),
        ("T2DM", "type 2 diabetes"), ("T1DM", "type 1 diabetes"), ("DM", "diabetes mellitus"),
        ("CKD", "chronic kidney disease"), ("AKI", "acute kidney injury"),
        ("HCC", "hepatocellular carcinoma"), ("NSCLC", "non small cell lung cancer"), ("SCLC", "small cell lung cancer"),
        ("CABG", "coronary artery bypass graft"), ("PCI", "percutaneous coronary intervention"),
        ("CAD", "coronary artery disease"), ("TIA", "transient ischemic attack"),
        ("DVT", "deep vein thrombosis"), ("VTE", "venous thromboembolism"), ("PE", "pulmonary embolism"),
        ("BMI", "body mass index"), ("MRI", "magnetic resonance imaging"), ("CT", "computed tomography"),
        ("PET", "positron emission tomography"),
        ("ALL", "acute lymphoblastic leukemia"), ("AML", "acute myeloid leukemia"),
        ("CLL", "chronic lymphocytic leukemia"), ("CML", "chronic myeloid leukemia"),
        ("RA", "rheumatoid arthritis"), ("IBD", "inflammatory bowel disease"),
        ("GERD", "gastroesophageal reflux disease"), ("UTI", "urinary tract infection"), ("UTIs", "urinary tract infection"),
        ("ICU", "intensive care unit"), ("RCT", "randomized controlled trial"), ("RCTs", "randomized controlled trial"),
        ("NSAID", "nonsteroidal anti inflammatory drug"), ("NSAIDs", "nonsteroidal anti inflammatory drug"),
        ("LDL", "low density lipoprotein"), ("HDL", "high density lipoprotein"), ("BP", "blood pressure"),
        ("HPV", "human papillomavirus"), ("TB", "tuberculosis"),
        ("PSA", "prostate specific antigen"), ("OSA", "obstructive sleep apnea"), ("ITP", "immune thrombocytopenia"),
        ("PrEP", "pre exposure prophylaxis"), ("HCV", "hepatitis C virus"), ("HBV", "hepatitis B virus"),
        ("APL", "acute promyelocytic leukemia"), ("CRC", "colorectal cancer"), ("TKI", "tyrosine kinase inhibitor"),
        ("TKIs", "tyrosine kinase inhibitor"), ("GDM", "gestational diabetes"), ("PPI", "proton pump inhibitor"),
        ("PPIs", "proton pump inhibitor"), ("LDCT", "low dose computed tomography"), ("AAA", "abdominal aortic aneurysm"),
        ("STI", "sexually transmitted infection"), ("STIs", "sexually transmitted infection"), ("IPV", "intimate partner violence"),
        ("TURBT", "transurethral resection of bladder tumor"), ("LTBI", "latent tuberculosis infection"),
        ("DKA", "diabetic ketoacidosis"), ("INR", "international normalized ratio"), ("IUD", "intrauterine device"),
        ("FAP", "familial adenomatous polyposis"), ("HNPCC", "hereditary nonpolyposis colorectal cancer"),
        ("SSRI", "selective serotonin reuptake inhibitor"), ("SSRIs", "selective serotonin reuptake inhibitor"),
    ];

    /// <summary>
    /// Conditions told apart by a single letter ("hepatitis A" and "hepatitis B"): the letter alone is a stop
    /// word, so the pair is also indexed as one term ("hepatitisa").
    /// </summary>
    public static IReadOnlyList<string> LetterNamed { get; } = ["hepatitis", "vitamin"];

    /// <summary>British spelling (lower case) → American spelling, so either finds both.</summary>
    public static IReadOnlyList<(string British, string American)> Spellings { get; } =
    [
        ("tumour", "tumor"), ("tumours", "tumors"), ("leukaemia", "leukemia"), ("leukaemias", "leukemias"),
        ("anaemia", "anemia"), ("haemoglobin", "hemoglobin"), ("haemorrhage", "hemorrhage"), ("haemorrhagic", "hemorrhagic"),
        ("oesophageal", "esophageal"), ("oesophagus", "esophagus"), ("oestrogen", "estrogen"), ("oedema", "edema"),
        ("paediatric", "pediatric"), ("paediatrics", "pediatrics"), ("foetal", "fetal"), ("foetus", "fetus"),
        ("diarrhoea", "diarrhea"), ("ischaemia", "ischemia"), ("ischaemic", "ischemic"), ("haematology", "hematology"),
        ("randomised", "randomized"), ("randomisation", "randomization"), ("anaesthesia", "anesthesia"),
        ("gynaecology", "gynecology"), ("orthopaedic", "orthopedic"), ("coeliac", "celiac"), ("dyspnoea", "dyspnea"),
        ("analogue", "analog"), ("analogues", "analogs"), ("behaviour", "behavior"), ("centre", "center"),
        ("apnoea", "apnea"), ("hypopnoea", "hypopnea"), ("hypoglycaemia", "hypoglycemia"), ("hyperglycaemia", "hyperglycemia"),
        ("glycaemic", "glycemic"), ("haematoma", "hematoma"), ("haemodialysis", "hemodialysis"), ("septicaemia", "septicemia"),
        ("haemophilia", "hemophilia"), ("haemolytic", "hemolytic"), ("anaemic", "anemic"), ("oesophagitis", "esophagitis"),
        ("oestradiol", "estradiol"), ("caesarean", "cesarean"), ("aetiology", "etiology"), ("paediatrician", "pediatrician"),
        ("haematuria", "hematuria"), ("haemoptysis", "hemoptysis"), ("leukaemic", "leukemic"), ("tumoural", "tumoral"),
        ("faecal", "fecal"), ("haematological", "hematological"), ("orthopaedics", "orthopedics"),
    ];
}

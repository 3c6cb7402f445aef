using OracleBot.Answers.Composition;

namespace OracleBot.Tests.Answers;

/// <summary>The stage, phase, extent or risk group a question names is matched against a section's heading.</summary>
public sealed class DiseaseExtentTests
{
    [Theory]
    [InlineData("How should stage II colon cancer be treated?", DiseaseExtent.StageII)]
    [InlineData("Standard treatment for stage I to III anal squamous cell carcinoma?", DiseaseExtent.StageI | DiseaseExtent.StageII | DiseaseExtent.StageIII)]
    [InlineData("Treatment of Stages II and III Rectal Cancer", DiseaseExtent.StageII | DiseaseExtent.StageIII)]
    [InlineData("Stage IIIB non-small cell lung cancer", DiseaseExtent.StageIII)]
    [InlineData("First-line treatment for chronic phase CML?", DiseaseExtent.ChronicPhase)]
    [InlineData("What's the prognosis for extensive-stage SCLC?", DiseaseExtent.Extensive)]
    [InlineData("Treatment of Locally Advanced Pancreatic Cancer", DiseaseExtent.LocallyAdvanced)]
    [InlineData("How is high-risk neuroblastoma treated?", DiseaseExtent.HighRisk)]
    [InlineData("How is asthma treated?", DiseaseExtent.None)]
    public void A_text_names_its_extent(string text, DiseaseExtent expected) =>
        Assert.Equal(expected, DiseaseExtents.Of(text));

    [Theory]
    [InlineData("stage II colon cancer", "Treatment of Stage II Colon Cancer", 1)]
    [InlineData("stage II colon cancer", "Treatment of Stage III Colon Cancer", -1)]
    [InlineData("stage II colon cancer", "Treatment Option Overview", 0)]
    [InlineData("chronic phase CML", "Treatment of Accelerated-Phase CML", -1)]
    [InlineData("stage I to III anal cancer", "Treatment of Stage II Anal Cancer", 1)]
    [InlineData("localized mesothelioma", "Treatment of Advanced Malignant Mesothelioma", -1)]
    public void A_section_on_the_stage_asked_fits_and_one_on_another_does_not(string question, string heading, int fit) =>
        Assert.Equal(fit, DiseaseExtents.Fit(DiseaseExtents.Of(question), DiseaseExtents.Of(heading)));
}

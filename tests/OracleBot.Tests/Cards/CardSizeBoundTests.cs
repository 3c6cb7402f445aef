using OracleBot.Answers.Contract;
using OracleBot.Cards;
using OracleBot.Cards.Answers;

namespace OracleBot.Tests.Cards;

public sealed class CardSizeBoundTests
{
    public static TheoryData<string> Texts => ["plain words", "<<<<<<<<<<", "ééé😀😀 <at>x</at> [a](http://b)", ""];

    [Theory]
    [MemberData(nameof(Texts))]
    public void Cheap_size_bound_is_never_below_the_measured_size(string text)
    {
        var citations = Enumerable.Range(1, 20).Select(n => CardTestData.PericarditisReference(n) with { Title = text, Source = text }).ToList();
        var answer = new Answer(
            text,
            text,
            new Statement(text, [1, 2, 3]),
            [.. Enum.GetValues<DocumentKind>().Select(k => new AnswerSection(k, [.. Enumerable.Range(1, 5).Select(i => new Statement(text, [i]))]))],
            citations,
            [text, text, text],
            [text, text]);
        var content = AnswerCardContent.From(answer, text);

        var card = CardTestData.Templates.Answer.BindObject(AnswerCardData.Build(content));

        Assert.True(CardSize.EstimateSizeBytes(card) <= content.SizeUpperBound());
    }
}

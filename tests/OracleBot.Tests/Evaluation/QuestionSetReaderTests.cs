using OracleBot.Answers.Evaluation;

namespace OracleBot.Tests.Evaluation;

public sealed class QuestionSetReaderTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"questions-{Guid.NewGuid():N}.jsonl");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Answer_labels_are_read_and_out_of_scope_questions_need_no_gold_documents()
    {
        File.WriteAllLines(_path,
        [
            """{"id": "a", "question": "Q1", "gold_ids": ["pdq:x"], "gold_sections": ["Prognosis"], "gold_answer": "It is good."}""",
            """{"id": "b", "question": "Q2", "gold_ids": [], "out_of_scope": true}""",
            """{"id": "c", "question": "and in children?", "gold_ids": ["pdq:y"], "gold_sections": "Treatment", "context": ["What is CML?"]}""",
            """{"id": "d", "question": "no gold and in scope", "gold_ids": []}""",
        ]);

        var questions = QuestionSetReader.Read(_path, null);

        Assert.Equal(["a", "b", "c"], questions.Select(q => q.Id));
        Assert.Equal(["Prognosis"], questions[0].GoldSections);
        Assert.Equal("It is good.", questions[0].GoldAnswer);
        Assert.True(questions[1].OutOfScope);
        Assert.Empty(questions[1].Relevant);
        Assert.Equal(["Treatment"], questions[2].GoldSections);
        Assert.True(questions[2].IsFollowUp);
        Assert.Equal(["What is CML?"], questions[2].Context);
    }

    [Fact]
    public void A_malformed_label_names_the_file_and_line()
    {
        File.WriteAllLines(_path,
        [
            """{"id": "a", "question": "Q1", "gold_ids": ["pdq:x"]}""",
            """{"id": "b", "question": "Q2", "gold_ids": ["pdq:x"], "context": [1]}""",
        ]);

        var error = Assert.Throws<InvalidDataException>(() => QuestionSetReader.Read(_path, null));
        Assert.StartsWith($"{_path}:2:", error.Message, StringComparison.Ordinal);
    }
}

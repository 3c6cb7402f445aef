using System.Text.Json.Nodes;
using OracleBot.Answers.Contract;
using OracleBot.Cards.Answers;
using OracleBot.Cards.Templating;
using OracleBot.FunctionalTests.Infrastructure;

namespace OracleBot.FunctionalTests.Cards;

/// <summary>
/// Our .NET binder against the official JavaScript adaptivecards-templating 2.3.1: identical JSON for
/// every template with its sample data, for answer data built from real and hostile answers, and for
/// the binder's edge cases. The official adaptivecards parser must also accept every bound card.
/// </summary>
public sealed class TemplatingConformanceTests
{
    private static readonly string CardsDirectory = Path.Combine(RepositoryPaths.Root, "cards");

    private static JsonNode ReadJson(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(CardsDirectory, name)))!;

    private static async Task AssertSameAsReferenceAsync(IReadOnlyList<(string Label, JsonNode Template, JsonNode? Data, bool IsCard)> cases)
    {
        var results = await ReferenceTemplating.BindAsync([.. cases.Select(c => new ReferenceTemplating.Job(c.Template, c.Data, c.IsCard))]);
        for (var i = 0; i < cases.Count; i++)
        {
            var (label, template, data, isCard) = cases[i];
            var reference = results[i];
            Assert.True(reference.Error is null, $"{label}: the reference library failed: {reference.Error}");
            var compiled = CardTemplate.Compile(label, template.ToJsonString());
            var ours = compiled.Bind(data);
            Assert.True(
                JsonNode.DeepEquals(reference.Card, ours),
                $"{label}: binders differ.\nreference: {reference.Card?.ToJsonString()}\nours:      {ours?.ToJsonString()}");

            // The hot path writes the card straight to UTF-8: the same card, byte for byte what the tree serialises to.
            var written = compiled.BindUtf8(data);
            Assert.Equal(ours?.ToJsonString() ?? "null", System.Text.Encoding.UTF8.GetString(written));
            if (isCard)
            {
                Assert.True(reference.Problems.Count == 0, $"{label}: the Adaptive Cards parser reports: {string.Join("; ", reference.Problems)}");
            }
        }
    }

    [Fact]
    public async Task Every_template_binds_its_sample_data_like_the_reference_library()
    {
        await AssertSameAsReferenceAsync(
        [
            .. CardTemplateCatalog.RequiredNames.Select(name =>
                (name, ReadJson(name + ".json"), (JsonNode?)ReadJson(name + ".data.json"), true)),
        ]);
    }

    [Fact]
    public async Task Answer_data_built_from_answers_binds_like_the_reference_library()
    {
        const string hostile = "# H **b** [x](javascript:alert(1)) <at>admin</at> \"q\" back\\slash ${x} }\n- list `c`";
        var reference = new Citation(1, "medquad:NHLBI:0000100", "medquad:NHLBI:0000100#2", "Pericarditis (NHLBI)", DocumentKind.Reference,
            "MedQuAD / NHLBI (NIH)", null, "http://www.nhlbi.nih.gov/health/health-topics/topics/peri", "CC BY 4.0",
            "Viral infections are likely a common cause of pericarditis, although the virus may never be found.");
        var answers = new (string Label, Answer Answer)[]
        {
            ("answer/realistic", new Answer("a-1", "What causes pericarditis?",
                new Statement("Viral infections are likely a common cause of pericarditis, although the virus may never be found.", [1]),
                [new AnswerSection(DocumentKind.Reference, [new Statement("Bacterial, fungal, and other infections also can cause pericarditis.", [1])])],
                [reference], ["How is pericarditis treated?"], ["No guideline in the knowledge base addresses this question."])),
            ("answer/empty", new Answer("a-2", "Unanswerable?", null, [], [], [], [])),
            ("answer/hostile", new Answer("a-\"3\\", hostile, new Statement(hostile, [1, 2]),
                [
                    new AnswerSection(DocumentKind.Guideline, [new Statement(hostile, [1])]),
                    new AnswerSection(DocumentKind.Research, [new Statement(hostile, [2]), new Statement(hostile, [])]),
                ],
                [reference with { Title = hostile, Source = hostile, Year = 1999 }, reference with { Number = 2, Url = "javascript:alert(1)" }],
                [hostile, hostile, hostile, hostile],
                [hostile])),
        };

        var template = ReadJson("answer.json");
        await AssertSameAsReferenceAsync(
        [
            .. answers.Select(a => (a.Label, template, (JsonNode?)AnswerCardData.Build(AnswerCardContent.From(a.Answer, "nurse")), true)),
        ]);
    }

    [Fact]
    public async Task Binder_edge_cases_match_the_reference_library()
    {
        var data = JsonNode.Parse("""
            {"n":3,"d":1.5,"big":12345678901,"b":false,"s":"str","empty":[],"nul":null,"o":{"k":"v"},
             "arr":[1,"x"],"items":[{"name":"A","show":true,"subs":[{"v":"a"},{"v":"b"}]},{"name":"B","show":false,"subs":[]}]}
            """);
        (string, string)[] templates =
        [
            ("types", """{"n":"${n}","d":"${d}","big":"${big}","b":"${b}","a":"${arr}","o":"${o}","e":"${empty}","nul":"${nul}"}"""),
            ("interpolation", """{"t":"n=${n} d=${d} b=${b} ${o.k} ${big}!","a":"a ${arr}","o":"o ${o}","lead":" ${s}"}"""),
            ("missing", """{"a":"${missing}","b":"x ${o.missing} y","c":"${$root.nope}","d":"${$index}"}"""),
            ("repetition", """{"list":[{"$data":"${items}","i":"${$index}","t":"${name}/${$root.s}","subs":[{"$data":"${subs}","v":"${$index}-${v}"}]},"${nul}",{"k":1}]}"""),
            ("object-data", """{"x":{"$data":"${o}","k":"${k}","r":"${$root.s}"},"none":{"$data":"${empty}","k":1}}"""),
            ("when", """[{"$data":"${items}","$when":"${show}","n":"${name}"},{"$when":"${count(arr) > 0 && !b}","c":1},{"$when":"${s == 'str' || missing}","d":1},{"$when":"${!missing}","e":1},{"$when":"${n >= 3 && n != 4}","f":1},{"$when":"${count(missing) > 0}","g":1},{"$when":"${s}","h":1},{"$when":"${length(s) == 3}","i":1}]"""),
            ("when-property", """{"p":{"$when":"${b}","k":1},"q":{"$when":"${!b}","k":2}}"""),
            ("constants", """{"$schema":"http://adaptivecards.io/schemas/adaptive-card.json","t":"a } { $ x \\ \" '","n":1.5,"z":null,"nested":[[1,2],[]]}"""),
        ];
        await AssertSameAsReferenceAsync([.. templates.Select(t => (t.Item1, JsonNode.Parse(t.Item2)!, (JsonNode?)data, false))]);
    }
}

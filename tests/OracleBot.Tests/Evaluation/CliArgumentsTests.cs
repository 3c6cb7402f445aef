using OracleBot.Cli;

namespace OracleBot.Tests.Evaluation;

public sealed class CliArgumentsTests
{
    [Fact]
    public void A_list_option_takes_every_value_up_to_the_next_option()
    {
        var args = CliArguments.ParseWithLists(["--corpus", "a", "b", "c", "--questions", "q.jsonl", "--corpus", "d"], ["corpus"]);

        Assert.Equal(["a", "b", "c", "d"], args.All("corpus"));
        Assert.Equal("q.jsonl", args.One("questions"));
        Assert.Empty(args.Positional);
    }

    [Fact]
    public void Other_options_take_one_value_and_leave_the_rest_positional()
    {
        var args = CliArguments.Parse(["--kind", "guideline", "a.md", "b.md"]);

        Assert.Equal("guideline", args.One("kind"));
        Assert.Equal(["a.md", "b.md"], args.Positional);
    }
}

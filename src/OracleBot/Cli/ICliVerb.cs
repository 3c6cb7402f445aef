namespace OracleBot.Cli;

/// <summary>A command-line verb of the <c>oraclebot</c> program, e.g. <c>oraclebot index file.jsonl</c>.</summary>
internal interface ICliVerb
{
    /// <summary>The first argument that selects this verb.</summary>
    string Name { get; }

    /// <summary>One line for the usage text.</summary>
    string Summary { get; }

    /// <summary>Runs the verb with the arguments after its name; returns the process exit code.</summary>
    Task<int> RunAsync(IReadOnlyList<string> arguments, IServiceProvider services, CancellationToken cancellationToken);
}

namespace OracleBot.Benchmarks;

/// <summary>One benchmark, run as <c>dotnet run -c Release --project tests/OracleBot.Benchmarks -- NAME [options]</c>.</summary>
internal interface IBenchmark
{
    string Name { get; }

    string Summary { get; }

    /// <summary>Runs the benchmark, printing its figures as a table; returns the exit code.</summary>
    Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken);
}

using System.Globalization;
using System.Net.Sockets;
using System.Text;
using OracleBot.FunctionalTests.Infrastructure;

namespace OracleBot.FunctionalTests.Conversations;

/// <summary>
/// A real <c>redis-server</c> (Debian package) on a free loopback port, in a temporary directory; killed on
/// dispose. By default it persists nothing; <see cref="Persistent"/> keeps an append-only file, as a deployment
/// that must survive restarts does, and can be shut down and started again on the same port and data.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private readonly bool _persistent;
    private ChildProcess? _process;
    private string _directory = string.Empty;

    public RedisServer()
        : this(persistent: false)
    {
    }

    private RedisServer(bool persistent) => _persistent = persistent;

    public int Port { get; private set; }

    /// <summary>StackExchange.Redis configuration string for this server.</summary>
    public string Configuration => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)},abortConnect=false";

    /// <summary>A server that writes every change to an append-only file in its directory and reloads it on start.</summary>
    public static RedisServer Persistent() => new(persistent: true);

    public async Task InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("oraclebot-redis-").FullName;
        Port = FreePort.Next();
        await StartAsync();
    }

    /// <summary>Starts the server (again) on its port, over the data it left in its directory.</summary>
    public async Task StartAsync()
    {
        _process = ChildProcess.Start("redis", "redis-server",
            ["--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", _persistent ? "yes" : "no", "--appendfsync", "everysec",
             "--dir", _directory, "--protected-mode", "yes"],
            _directory, new Dictionary<string, string>());
        await WaitForPongAsync(TimeSpan.FromSeconds(20));
    }

    /// <summary>
    /// Shuts the server down the way an orchestrator does (<c>SHUTDOWN</c>: the append-only file is flushed,
    /// clients are disconnected) and waits until the process has exited.
    /// </summary>
    public async Task StopAsync()
    {
        using (var client = new TcpClient())
        {
            await client.ConnectAsync("127.0.0.1", Port);
            await client.GetStream().WriteAsync("SHUTDOWN\r\n"u8.ToArray());
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _process!.WaitForExitAsync(timeout.Token);
        await _process.DisposeAsync();
        _process = null;
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    private async Task WaitForPongAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException("redis-server exited:\n" + _process.ReadLog());
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                var stream = client.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray());
                var buffer = new byte[16];
                var read = await stream.ReadAsync(buffer);

                // A restarted server answers -LOADING until it has read its append-only file.
                if (Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (SocketException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("redis-server did not answer PING:\n" + _process!.ReadLog());
    }
}

using System.Globalization;
using System.Net.Sockets;
using System.Text;
using OracleBot.FunctionalTests.Infrastructure;

namespace OracleBot.FunctionalTests.Conversations;

/// <summary>
/// A real <c>redis-server</c> (Debian package) on a free loopback port, persisting nothing, in a temporary
/// directory; killed on dispose.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private ChildProcess? _process;
    private string _directory = string.Empty;

    public int Port { get; private set; }

    /// <summary>StackExchange.Redis configuration string for this server.</summary>
    public string Configuration => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)},abortConnect=false";

    public async Task InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("oraclebot-redis-").FullName;
        Port = FreePort.Next();
        _process = ChildProcess.Start("redis", "redis-server",
            ["--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", _directory, "--protected-mode", "yes"],
            _directory, new Dictionary<string, string>());
        await WaitForPongAsync(TimeSpan.FromSeconds(20));
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

using System.Globalization;

namespace OracleBot.Answers.Indexing;

/// <summary>
/// Keeps built indexes under the index root as <c>kb-&lt;fingerprint&gt;</c> folders. A folder is built
/// under a temporary name and renamed into place only when complete (with its marker file), so a crash
/// mid-build never leaves a half index where the next start would open it. Builders on one machine (several
/// bot instances, or test runs side by side) take turns through a lock file, and one that waited uses the index
/// the other built instead of replacing it under its readers.
/// </summary>
internal static class IndexDirectoryManager
{
    public const string MarkerFileName = "oraclebot-index.fingerprint";
    private const string Prefix = "kb-";
    private const string BuildPrefix = ".build-";
    private const string LockFileName = ".build.lock";
    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(10);

    public static string PathFor(string indexRoot, string fingerprint) =>
        Path.Combine(indexRoot, Prefix + fingerprint[..16]);

    /// <summary>True when <paramref name="directory"/> holds a complete index of <paramref name="fingerprint"/>.</summary>
    public static bool IsComplete(string directory, string fingerprint)
    {
        var marker = Path.Combine(directory, MarkerFileName);
        return File.Exists(marker) && string.Equals(File.ReadAllText(marker).Trim(), fingerprint, StringComparison.Ordinal);
    }

    /// <summary>
    /// Builds into a temporary folder with <paramref name="build"/>, then moves it into place; returns at once
    /// with the index another process completed while this one waited for its turn.
    /// </summary>
    public static string BuildAtomically(string indexRoot, string fingerprint, Action<string> build)
    {
        Directory.CreateDirectory(indexRoot);
        var target = PathFor(indexRoot, fingerprint);
        using var turn = TakeBuildTurn(indexRoot);
        if (IsComplete(target, fingerprint))
        {
            return target;
        }

        var temporary = Path.Combine(indexRoot, BuildPrefix + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(temporary);
        try
        {
            build(temporary);
            File.WriteAllText(Path.Combine(temporary, MarkerFileName), fingerprint);
            if (Directory.Exists(target))
            {
                // Left by an interrupted build: it has no valid marker, or we would have returned above.
                Directory.Delete(target, recursive: true);
            }

            Directory.Move(temporary, target);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }

        return target;
    }

    /// <summary>Removes indexes of other fingerprints and abandoned builds; failures are harmless.</summary>
    public static void RemoveStale(string indexRoot, string keep)
    {
        if (!Directory.Exists(indexRoot))
        {
            return;
        }

        foreach (var directory in Directory.EnumerateDirectories(indexRoot))
        {
            var name = Path.GetFileName(directory);
            var stale = name.StartsWith(Prefix, StringComparison.Ordinal) && !string.Equals(Path.GetFullPath(directory), Path.GetFullPath(keep), StringComparison.Ordinal)
                // A build folder may belong to another process that is building right now.
                || name.StartsWith(BuildPrefix, StringComparison.Ordinal) && Directory.GetLastWriteTimeUtc(directory) < DateTime.UtcNow.AddHours(-1);
            if (stale)
            {
                TryDelete(directory);
            }
        }
    }

    /// <summary>
    /// The lock file at <paramref name="path"/> held exclusively until disposed, or null while another process holds it.
    /// An exclusive open is an advisory lock on Unix (flock) and a sharing lock on Windows; either way it is
    /// released by the operating system if the holder dies, so a crashed builder never blocks the next start.
    /// </summary>
    public static FileStream? TryTakeTurn(string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException) when (File.Exists(path))
        {
            return null;
        }
    }

    private static FileStream TakeBuildTurn(string indexRoot)
    {
        var path = Path.Combine(indexRoot, LockFileName);
        var deadline = DateTime.UtcNow + LockWait;
        while (true)
        {
            if (TryTakeTurn(path) is { } turn)
            {
                return turn;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"Another process has been building the knowledge index in '{indexRoot}' for over {LockWait.TotalMinutes} minutes.");
            }

            Thread.Sleep(100);
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

using System.Globalization;

namespace OracleBot.Answers.Indexing;

/// <summary>
/// Keeps built indexes under the index root as <c>kb-&lt;fingerprint&gt;</c> folders. A folder is built
/// under a temporary name and renamed into place only when complete (with its marker file), so a crash
/// mid-build never leaves a half index where the next start would open it.
/// </summary>
internal static class IndexDirectoryManager
{
    public const string MarkerFileName = "oraclebot-index.fingerprint";
    private const string Prefix = "kb-";
    private const string BuildPrefix = ".build-";

    public static string PathFor(string indexRoot, string fingerprint) =>
        Path.Combine(indexRoot, Prefix + fingerprint[..16]);

    /// <summary>True when <paramref name="directory"/> holds a complete index of <paramref name="fingerprint"/>.</summary>
    public static bool IsComplete(string directory, string fingerprint)
    {
        var marker = Path.Combine(directory, MarkerFileName);
        return File.Exists(marker) && string.Equals(File.ReadAllText(marker).Trim(), fingerprint, StringComparison.Ordinal);
    }

    /// <summary>Builds into a temporary folder with <paramref name="build"/>, then moves it into place.</summary>
    public static string BuildAtomically(string indexRoot, string fingerprint, Action<string> build)
    {
        Directory.CreateDirectory(indexRoot);
        var target = PathFor(indexRoot, fingerprint);
        var temporary = Path.Combine(indexRoot, BuildPrefix + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(temporary);
        try
        {
            build(temporary);
            File.WriteAllText(Path.Combine(temporary, MarkerFileName), fingerprint);
            if (Directory.Exists(target))
            {
                // Left by an interrupted or inconsistent build: it has no valid marker, or we would not be here.
                Directory.Delete(target, recursive: true);
            }

            Directory.Move(temporary, target);
        }
        catch (IOException) when (IsComplete(target, fingerprint))
        {
            // Another process finished the same index first; use theirs.
            TryDelete(temporary);
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

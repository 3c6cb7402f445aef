using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OracleBot.Answers.Indexing;

/// <summary>
/// Identifies one state of the seed files (names, sizes, modification times) and of the indexing code,
/// so an index built from other seeds, or by code that splits or analyses text differently, is not reused.
/// </summary>
internal static class SeedFingerprint
{
    // Bump when passage splitting, analysis or the index layout changes.
    public const int SchemaVersion = 8;

    public static string Compute(string seedsDirectory, IReadOnlyList<FileInfo> files)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"schema {SchemaVersion}\n");
        foreach (var file in files)
        {
            var name = Path.GetRelativePath(seedsDirectory, file.FullName).Replace('\\', '/');
            text.Append(CultureInfo.InvariantCulture, $"{name}|{file.Length}|{file.LastWriteTimeUtc.Ticks}\n");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

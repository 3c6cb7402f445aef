namespace OracleBot.Answers.Indexing;

/// <summary>
/// Reading the flat files beside an index (<c>store.bin</c>, <c>impacts.bin</c>) at start-up. They were read
/// whole into one array each (72 MB for every seed collection), which is garbage as soon as they are parsed but
/// sits in the large-object heap, part of the resident set, until a full collection: an idle bot may not run one
/// for hours. A large buffer keeps the system calls as few (one per megabyte).
/// </summary>
internal static class IndexFileStream
{
    private const int BufferBytes = 1 << 20;

    public static Stream OpenRead(string path) =>
        new BufferedStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0), BufferBytes);
}

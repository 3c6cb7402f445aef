using System.Runtime.InteropServices;

namespace OracleBot.Answers.Embeddings;

/// <summary>
/// The C library's heap, where ONNX Runtime allocates. Creating a session parses the whole model and frees
/// the parse once the weights are laid out; each run then allocates and frees its activations (a few hundred
/// KB each). glibc keeps what is freed for later allocations: after loading about 30 MB, and, because it
/// raises its threshold for mapping large blocks to the largest block freed, the activations of every thread
/// that ever ran the model (about 20 MB more after a thousand questions, measured with smaps).
/// </summary>
internal static class NativeHeap
{
    private const int MmapThreshold = -3; // M_MMAP_THRESHOLD in malloc.h
    private const int FixedThresholdBytes = 128 * 1024; // glibc's own starting value

    /// <summary>
    /// Keeps blocks of 128 KB and more mapped on their own, so freeing one returns it to the system; setting
    /// the threshold also stops glibc from raising it. A no-op where the C library is not glibc.
    /// </summary>
    public static void ReturnLargeBlocks() => Call(() => _ = MallOpt(MmapThreshold, FixedThresholdBytes));

    /// <summary>Returns the C heap's free memory to the system.</summary>
    public static void Trim() => Call(() => _ = MallocTrim(0));

    private static void Call(Action action)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            action();
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            // musl and other C libraries return free memory on their own terms.
        }
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int MallOpt(int parameter, int value);

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}

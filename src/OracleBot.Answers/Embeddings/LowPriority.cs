using System.Runtime.InteropServices;

namespace OracleBot.Answers.Embeddings;

/// <summary>
/// Lowers the calling thread's scheduling priority as far as it goes. .NET's <see cref="Thread.Priority"/>
/// changes nothing on Linux, where each thread has its own nice value: the thread sets its own to 19, so
/// the scheduler runs it only on CPU that turns leave idle.
/// </summary>
internal static class LowPriority
{
    private const int PriorityProcess = 0;
    private const int Lowest = 19;
    private const long GetTidSyscall = 186; // x86-64
    private const long GetTidSyscallArm64 = 178;

    public static void LowerCurrentThread()
    {
        try
        {
            Thread.CurrentThread.Priority = ThreadPriority.Lowest;
            if (OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64)
            {
                var tid = Syscall(RuntimeInformation.ProcessArchitecture == Architecture.X64 ? GetTidSyscall : GetTidSyscallArm64);
                _ = SetPriority(PriorityProcess, (uint)tid, Lowest);
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or PlatformNotSupportedException or ThreadStateException)
        {
            // Only politeness is lost.
        }
    }

    [DllImport("libc", EntryPoint = "syscall")]
    private static extern long Syscall(long number);

    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, uint who, int priority);
}

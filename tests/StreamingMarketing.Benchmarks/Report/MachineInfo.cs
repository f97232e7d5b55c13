using System.Runtime.InteropServices;
using System.Text.Json;

namespace StreamingMarketing.Benchmarks.Report;

/// <summary>The machine a report's benchmarks ran on: absolute figures only mean something beside it.</summary>
/// <remarks><see cref="LoadAverage"/> is the 1, 5 and 15 minute load when the report started: a shared machine's figures need it.</remarks>
public sealed record MachineInfo(string Cpu, int Cores, double MemoryGiB, string OperatingSystem, string Runtime, string? LoadAverage = null)
{
    public const string FileName = "machine.json";

    public static MachineInfo Current() => new(
        CpuModel() ?? RuntimeInformation.ProcessArchitecture.ToString(),
        Environment.ProcessorCount,
        Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024), 1),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null);

    public string ToJson() => JsonSerializer.Serialize(this);

    public static MachineInfo? FromJson(string json) => JsonSerializer.Deserialize<MachineInfo>(json);

    /// <summary>The first <c>model name</c> of /proc/cpuinfo (Linux); null elsewhere.</summary>
    private static string? CpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (!File.Exists(cpuInfo))
        {
            return null;
        }

        var line = File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line?[(line.IndexOf(':') + 1)..].Trim();
    }
}

using System.Diagnostics;
using System.Text;

namespace StreamingMarketing.Tests.Infrastructure;

/// <summary>
/// The silo as its own OS process (the built silo dll, as <c>dotnet run --project silo</c> would start it), so a test
/// can SIGKILL it mid-load. Its output is kept for the failure message.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly string[] arguments;
    private readonly StringBuilder output = new();
    private Process? process;

    public SiloProcess(int siloPort, int gatewayPort, int httpPort, string dataDir, params string[] extraArguments)
    {
        Url = $"http://127.0.0.1:{httpPort}";
        arguments =
        [
            RepositoryPaths.SiloDll,
            "--silo-port", siloPort.ToString(), "--gateway-port", gatewayPort.ToString(),
            "--urls", Url, "--data-dir", dataDir, .. extraArguments,
        ];
    }

    public string Url { get; }

    public string RecentOutput
    {
        get
        {
            lock (output)
            {
                var text = output.ToString();
                return text.Length <= 4000 ? text : text[^4000..];
            }
        }
    }

    public async Task StartAsync(HttpClient http)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start)!;
        process.OutputDataReceived += (_, line) => Append(line.Data);
        process.ErrorDataReceived += (_, line) => Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var ready = await RunningSilo.EventuallyAsync(async () =>
        {
            try
            {
                return (await http.GetAsync($"{Url}/health/ready")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(90));
        if (!ready)
        {
            throw new InvalidOperationException($"Silo at {Url} never became ready:\n{RecentOutput}");
        }
    }

    /// <summary>SIGKILL: no shutdown hook runs, nothing is flushed.</summary>
    public void Kill()
    {
        process?.Kill(entireProcessTree: true);
        process?.WaitForExit();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    public ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            Kill();
        }

        process?.Dispose();
        return ValueTask.CompletedTask;
    }
}

using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Observability;

/// <summary>
/// A real Prometheus server on a free loopback port, with a storage dir and config of its own, scraping what the given
/// config says. Its HTTP API is how the tests see what it scraped.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly string directory;
    private readonly StringBuilder log;

    private PrometheusServer(Process process, string directory, StringBuilder log, HttpClient http)
    {
        this.process = process;
        this.directory = directory;
        this.log = log;
        Http = http;
    }

    public HttpClient Http { get; }

    /// <summary>What the server printed so far: the reason when it does not start or scrape.</summary>
    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    /// <param name="config">prometheus.yml; relative paths in it (rule_files) resolve in the server's own dir.</param>
    /// <param name="files">Files copied into that dir first (rule files), by the name the config uses.</param>
    public static async Task<PrometheusServer> StartAsync(string config, IReadOnlyDictionary<string, string>? files = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "sm-tests", "prometheus-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var configPath = Path.Combine(directory, "prometheus.yml");
        await File.WriteAllTextAsync(configPath, config);
        foreach (var (name, source) in files ?? new Dictionary<string, string>())
        {
            File.Copy(source, Path.Combine(directory, name));
        }

        var port = FreePorts.Next();
        var start = new ProcessStartInfo(PrometheusTools.Require(PrometheusTools.Server))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory,
        };
        start.ArgumentList.Add($"--config.file={configPath}");
        start.ArgumentList.Add($"--storage.tsdb.path={Path.Combine(directory, "data")}");
        start.ArgumentList.Add($"--web.listen-address=127.0.0.1:{port}");

        var log = new StringBuilder();
        var process = new Process { StartInfo = start };
        DataReceivedEventHandler append = (_, line) =>
        {
            lock (log)
            {
                log.AppendLine(line.Data);
            }
        };
        process.OutputDataReceived += append;
        process.ErrorDataReceived += append;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new PrometheusServer(process, directory, log, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) });
        var ready = await RunningSilo.EventuallyAsync(async () =>
        {
            if (process.HasExited)
            {
                return true;
            }

            try
            {
                return (await server.Http.GetAsync("/-/ready")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(60));
        if (!ready || process.HasExited)
        {
            var output = server.Log;
            await server.DisposeAsync();
            throw new InvalidOperationException($"Prometheus did not become ready:\n{output}");
        }

        return server;
    }

    /// <summary>An instant query through <c>/api/v1/query</c>; throws with Prometheus' own error when it refuses the query.</summary>
    public async Task<JsonElement> QueryAsync(string promql)
    {
        var response = await Http.GetAsync($"/api/v1/query?query={Uri.EscapeDataString(promql)}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (body.GetProperty("status").GetString() != "success")
        {
            throw new InvalidOperationException($"Prometheus refused '{promql}': {body}");
        }

        return body.GetProperty("data").GetProperty("result").Clone();
    }

    /// <summary>The value of a query that yields one sample, or null while it yields none.</summary>
    public async Task<double?> ScalarAsync(string promql)
    {
        var result = await QueryAsync(promql);
        return result.GetArrayLength() == 0
            ? null
            : double.Parse(result[0].GetProperty("value")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using StreamingMarketing.Hosting;
using StreamingMarketing.Silo.Hosting;

namespace StreamingMarketing.Tests.Infrastructure;

/// <summary>
/// The real silo host (the one <c>dotnet run --project silo</c> starts), in this process on free ports, with its real
/// Kestrel server and a data dir of its own; tests talk to it over real HTTP.
/// </summary>
public sealed class RunningSilo : IAsyncDisposable
{
    private readonly WebApplication app;

    private RunningSilo(WebApplication app, string dataDir, HttpClient http)
    {
        this.app = app;
        DataDir = dataDir;
        Http = http;
    }

    public string DataDir { get; }
    public HttpClient Http { get; }
    public IServiceProvider Services => app.Services;

    public static string NewDataDir() => Path.Combine(Path.GetTempPath(), "sm-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The Orleans gateway port clients (the standalone HTTP gateway) connect to.</summary>
    public int GatewayPort { get; private init; }

    public static Task<RunningSilo> StartAsync(string? dataDir = null, params string[] extraArgs) => StartAsync(dataDir, configure: null, extraArgs);

    /// <param name="configure">Runs on the host builder before it is built (a log capture, say).</param>
    public static async Task<RunningSilo> StartAsync(string? dataDir, Action<WebApplicationBuilder>? configure, params string[] extraArgs)
    {
        dataDir ??= NewDataDir();
        var gatewayPort = FreePorts.Next();
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            "--data-dir", dataDir,
            "--silo-port", FreePorts.Next().ToString(),
            "--gateway-port", gatewayPort.ToString(),
            "--Logging:LogLevel:Default", "Warning",
            .. extraArgs,
        ];
        var app = SiloHost.Build(args, configure);
        await app.StartAsync();
        var address = app.Urls.First();
        var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
        return new RunningSilo(app, dataDir, http) { GatewayPort = gatewayPort };
    }

    public async Task<T> GetAsync<T>(string path) => (await Http.GetFromJsonAsync<T>(path))!;

    /// <summary>Polls until <paramref name="condition"/> holds or the timeout passes; returns whether it held.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return await condition();
    }

    public async Task StopAsync() => await app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        try
        {
            await app.StopAsync();
        }
        catch (ObjectDisposedException)
        {
        }

        await app.DisposeAsync();
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StreamingMarketing.Silo.Hosting;

namespace StreamingMarketing.Sentiment.Tests;

/// <summary>
/// The real silo host (as 'dotnet run --project silo' builds it) in this process on free ports, with a data dir
/// of its own: the registry the training commands publish into with --data-dir.
/// </summary>
public sealed class TrainingSilo : IAsyncLifetime
{
    private WebApplication app = null!;

    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "sm-training-tests", Guid.NewGuid().ToString("N"));

    public HttpClient Http { get; private set; } = null!;

    public ModelRegistryWatcher Watcher => app.Services.GetServices<IHostedService>().OfType<ModelRegistryWatcher>().Single();

    public async Task InitializeAsync()
    {
        app = SiloHost.Build(
        [
            "--urls", "http://127.0.0.1:0",
            "--data-dir", DataDir,
            "--silo-port", FreePort().ToString(),
            "--gateway-port", FreePort().ToString(),
            "--Sentiment:Device", "cpu",
            "--Logging:LogLevel:Default", "Warning",
        ]);
        await app.StartAsync();
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(60) };
        Assert.True(await EventuallyServesAsync(_ => true, TimeSpan.FromSeconds(60)) is not null, "The silo never served its seeded model.");
    }

    /// <summary>The version GET /api/models/current reports once <paramref name="condition"/> holds, or null when the time is up.</summary>
    public async Task<string?> EventuallyServesAsync(Func<string, bool> condition, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        do
        {
            var response = await Http.GetAsync("/api/models/current");
            if (response.StatusCode == HttpStatusCode.OK
                && (await response.Content.ReadFromJsonAsync<CurrentModel>())?.Version is { } version && condition(version))
            {
                return version;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);
        return null;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finalising session is left to the OS's temp cleanup.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record CurrentModel(string Version);
}

using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StreamingMarketing.Benchmarks.Cluster;
using StreamingMarketing.Gateway.Health;
using StreamingMarketing.Hosting;
using StreamingMarketing.Silo.Hosting;

namespace StreamingMarketing.Benchmarks.Pipeline;

/// <summary>An embedded silo (the product's default profile) started inside the benchmark process on free ports.</summary>
public static class EmbeddedCluster
{
    public static async Task<WebApplication> StartAsync(string dataDir)
    {
        var app = SiloHost.Build(
        [
            "--urls", "http://127.0.0.1:0",
            "--data-dir", dataDir,
            "--silo-port", ChildProcess.FreePort().ToString(),
            "--gateway-port", ChildProcess.FreePort().ToString(),
            "--Logging:LogLevel:Default", "Warning",
            "--Dashboard:Enabled", "false",
        ]);
        await app.StartAsync();
        await WaitUntilReadyAsync(app.Services.GetRequiredService<HealthCheckService>());
        return app;
    }

    /// <summary>
    /// Until the readiness checks pass, as a load balancer would wait: the silo loads its sentiment model in the
    /// background after start, and building the encoder's ONNX session takes a core for tens of seconds, so a phase
    /// measured before it ends measures the model load beside the pipeline.
    /// </summary>
    private static async Task WaitUntilReadyAsync(HealthCheckService health)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var report = await health.CheckHealthAsync(check => check.Tags.Contains(HealthEndpoints.ReadyTag));
            if (report.Status == HealthStatus.Healthy)
            {
                return;
            }

            if (deadline.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException($"The embedded silo was not ready after 5 minutes: {string.Join("; ", report.Entries.Select(e => $"{e.Key}: {e.Value.Description}"))}");
            }

            await Task.Delay(200);
        }
    }
}

using Microsoft.AspNetCore.Builder;
using StreamingMarketing.Benchmarks.Cluster;
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
        return app;
    }
}

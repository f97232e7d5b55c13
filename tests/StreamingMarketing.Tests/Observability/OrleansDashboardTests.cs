using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StreamingMarketing.Gateway.Telemetry;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Observability;

/// <summary>
/// The Orleans dashboard switch, on a real silo with Kestrel: a bare host wired the way a profile wires it (the silo host
/// picks the default per profile), so these tests hold whichever profile the silo host runs. Not in the observability
/// collection: its hosts must be gone before the loaded silo starts (see <see cref="ObservabilityCollection"/>).
/// </summary>
public sealed class OrleansDashboardTests
{
    [Theory]
    [InlineData(null, true, true)]
    [InlineData(null, false, false)]
    [InlineData("false", true, false)]
    [InlineData("true", false, true)]
    public void Config_key_overrides_the_profile_default(string? configured, bool defaultOn, bool expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(configured is null ? [] : [new(DashboardRegistration.EnabledKey, configured)])
            .Build();

        Assert.Equal(expected, DashboardRegistration.IsEnabled(configuration, defaultOn));
    }

    [Fact]
    public async Task Dashboard_answers_at_slash_dashboard_when_enabled()
    {
        await using var app = await StartSiloAsync(defaultOn: true);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var response = await http.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        // The dashboard brings an OpenTelemetry dependency of its own: /metrics must still export Orleans' meter beside it.
        Assert.Contains("orleans_", await http.GetStringAsync("/metrics"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_is_absent_when_config_turns_it_off()
    {
        await using var app = await StartSiloAsync(defaultOn: true, $"--{DashboardRegistration.EnabledKey}=false");
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/metrics")).StatusCode);
    }

    private static async Task<WebApplication> StartSiloAsync(bool defaultOn, params string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(FreePorts.Next(), FreePorts.Next());
            silo.AddDashboardIfEnabled(builder.Configuration, defaultOn);
        });
        builder.Services.AddStreamingMarketingTelemetry();
        var app = builder.Build();
        app.MapStreamingMarketingTelemetry();
        await app.StartAsync();
        return app;
    }
}

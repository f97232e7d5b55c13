using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Dashboard;
using StreamingMarketing.Gateway.Auth;
using Orleans.Hosting;

namespace StreamingMarketing.Gateway.Telemetry;

/// <summary>
/// The Orleans dashboard at <c>/dashboard</c>, switched by <c>Dashboard:Enabled</c>. Each profile picks the default: on where one
/// process on loopback is the whole product (embedded), off where the HTTP port faces a network (production profiles),
/// because the dashboard has no authentication of its own and its profiler costs a little on every grain call.
/// </summary>
public static class DashboardRegistration
{
    public const string SectionName = "Dashboard";
    public const string EnabledKey = "Dashboard:Enabled";
    public const string Path = "/dashboard";

    public static bool IsEnabled(IConfiguration configuration, bool defaultOn) =>
        configuration.GetValue(EnabledKey, defaultOn);

    /// <summary>Call inside <c>UseOrleans</c>; the rest of the <c>Dashboard</c> section binds to <see cref="DashboardOptions"/>.</summary>
    public static ISiloBuilder AddDashboardIfEnabled(this ISiloBuilder silo, IConfiguration configuration, bool defaultOn)
    {
        if (IsEnabled(configuration, defaultOn))
        {
            silo.AddDashboard(options => configuration.GetSection(SectionName).Bind(options));
            silo.Services.AddSingleton<DashboardAdded>();
        }

        return silo;
    }

    /// <summary>
    /// Maps the dashboard only where a builder above added it, so the one endpoint mapping serves every profile. It shows
    /// every grain and silo and has no authentication of its own: with keys configured, all its routes need the admin scope.
    /// </summary>
    internal static IEndpointRouteBuilder MapOrleansDashboardIfAdded(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<DashboardAdded>() is not null)
        {
            app.MapOrleansDashboard(Path).RequireScope(ApiScopes.Admin);
        }

        return app;
    }

    /// <summary>Marks a service provider whose host added the dashboard's services.</summary>
    private sealed class DashboardAdded;
}

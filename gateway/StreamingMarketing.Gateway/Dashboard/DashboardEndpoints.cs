using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace StreamingMarketing.Gateway.Dashboard;

/// <summary>
/// The campaign managers' page at <c>/</c> and its files at <c>/assets/…</c>, open like any static page: the data it
/// shows comes from the keyed API. (The Orleans dashboard for operators is a different page, at <c>/dashboard</c>.)
/// </summary>
public static class DashboardEndpoints
{
    public const string IndexFile = "index.html";

    public static IServiceCollection AddDashboardPage(this IServiceCollection services) =>
        services.AddSingleton<DashboardAssets>();

    public static IEndpointRouteBuilder MapDashboardPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (DashboardAssets assets, HttpContext context) => Serve(assets, IndexFile, context)).ExcludeFromDescription();
        app.MapGet("/assets/{file}", (string file, DashboardAssets assets, HttpContext context) => Serve(assets, file, context)).ExcludeFromDescription();
        return app;
    }

    private static IResult Serve(DashboardAssets assets, string name, HttpContext context)
    {
        if (assets.Find(name) is not { } asset)
        {
            return Results.NotFound();
        }

        // Revalidate every time: the files are tiny and a stale app.js after an upgrade would talk to a changed API.
        context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
        return Results.Bytes(asset.Content, asset.ContentType);
    }
}

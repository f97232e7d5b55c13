using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using StreamingMarketing.Gateway.Auth;

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
        // The page shell and its scripts hold no data (the data needs a key), and a browser must load them to ask for one.
        app.MapGet("/", ServePageAsync).ExcludeFromDescription().OpenWithoutKey();
        app.MapGet("/assets/{file}", (string file, DashboardAssets assets, HttpContext context) => Serve(assets, file, context)).ExcludeFromDescription().OpenWithoutKey();
        return app;
    }

    /// <summary>A link that still carries the key (<c>/?apiKey=KEY</c>) is honoured once, never kept: see <see cref="ExchangeKeyInAddress"/>.</summary>
    public const string KeyParameter = "apiKey";

    private static async Task<IResult> ServePageAsync(
        HttpContext context, DashboardAssets assets, ApiKeyStore keys, SessionCookie sessions, IClusterClient client, IOptions<JsonOptions> json, ILoggerFactory loggers)
    {
        if (context.Request.Query.ContainsKey(KeyParameter))
        {
            return ExchangeKeyInAddress(context, keys, sessions);
        }

        var page = assets.Find(IndexFile)!;
        var content = await FirstPaint.RenderAsync(page.Content, context, keys, client, json.Value.SerializerOptions, loggers.CreateLogger(typeof(DashboardEndpoints)));
        context.Response.Headers[HeaderNames.CacheControl] = "no-store";
        return Results.Bytes(content, page.ContentType);
    }

    /// <summary>
    /// Trades a key in the address for the session cookie and redirects to the bare page, so the key leaves the address
    /// bar and history at once and no later request (page, API or stream) carries it. A wrong key just loses the parameter.
    /// </summary>
    private static IResult ExchangeKeyInAddress(HttpContext context, ApiKeyStore keys, SessionCookie sessions)
    {
        if (context.Request.Query[KeyParameter].ToString() is { Length: > 0 } presented && keys.Find(presented.Trim()) is { } key && key.Has(ApiScopes.Read))
        {
            sessions.Issue(context, key);
        }

        context.Response.Headers[HeaderNames.CacheControl] = "no-store";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        return Results.Redirect("/");
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

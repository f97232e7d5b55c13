using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StreamingMarketing.Gateway.Auth;

namespace StreamingMarketing.Gateway.OpenApi;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c>. With keys configured it needs the read scope: it grants nothing, but
/// it maps every route for whoever reaches the port, and nothing but the health probes answers a caller without a key.
/// </summary>
public static class OpenApiRegistration
{
    public const string DocumentPath = "/openapi/v1.json";

    public static IServiceCollection AddStreamingMarketingOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            // Our API only: the Orleans dashboard's own routes under /dashboard are its internals, not a contract.
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "StreamingMarketing API";
                document.Info.Description = "Real-time marketing analytics: ingest interaction events, read campaign and user KPIs, score sentiment.";
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer<ApiKeySecurityTransformer>();
            options.AddOperationTransformer<ApiKeySecurityTransformer>();
            options.AddOperationTransformer<ExampleOperationTransformer>();
            options.AddDocumentTransformer<LintCleanTransformer>();
            options.AddOperationTransformer<LintCleanTransformer>();
        });

    public static IEndpointRouteBuilder MapStreamingMarketingOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").RequireScope(ApiScopes.Read);
        return app;
    }
}

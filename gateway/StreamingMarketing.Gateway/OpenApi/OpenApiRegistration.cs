using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace StreamingMarketing.Gateway.OpenApi;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c>, open to all like the page: it describes, it grants nothing.</summary>
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
        });

    public static IEndpointRouteBuilder MapStreamingMarketingOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        return app;
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using StreamingMarketing.Gateway.Auth;

namespace StreamingMarketing.Gateway.OpenApi;

/// <summary>
/// Declares the two ways to send a key (<c>X-Api-Key</c> and <c>Authorization: Bearer</c>), and on every operation that
/// needs a scope (<see cref="EndpointScopes"/>) the security requirement, the scope in words, and the 401/403/429 answers.
/// </summary>
internal sealed class ApiKeySecurityTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string HeaderScheme = "ApiKey";
    public const string BearerScheme = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[HeaderScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyReader.HeaderName,
            Description = "An API key from Auth:ApiKeys. Its scopes (ingest, read, admin) decide which endpoints it may call. " +
                          "Without any key configured the API is open and listens on loopback only.",
        };
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The same API key as 'Authorization: Bearer KEY'.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var endpoint = new Endpoint(null, new EndpointMetadataCollection(context.Description.ActionDescriptor.EndpointMetadata), null);
        if (EndpointScopes.For(endpoint) is not { } scope)
        {
            return Task.CompletedTask;
        }

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(HeaderScheme, context.Document)] = [] });
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
        operation.Description = $"{operation.Description}\n\nNeeds an API key with the '{scope}' scope.".TrimStart();

        operation.Responses ??= [];
        AddError(operation.Responses, StatusCodes.Status401Unauthorized, "No API key, or not a valid one",
            $"This endpoint needs an API key: send 'Authorization: Bearer KEY' or '{ApiKeyReader.HeaderName}: KEY'.");
        AddError(operation.Responses, StatusCodes.Status403Forbidden, $"The key lacks the '{scope}' scope",
            $"The API key 'dashboard' lacks the '{scope}' scope this endpoint needs.");
        AddError(operation.Responses, StatusCodes.Status429TooManyRequests, "The key's rate limit is reached; see Retry-After",
            "Rate limit of the API key 'dashboard' reached: retry after 1 s.");
        return Task.CompletedTask;
    }

    private static void AddError(OpenApiResponses responses, int status, string description, string message) =>
        responses[status.ToString(CultureInfo.InvariantCulture)] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Properties = new Dictionary<string, IOpenApiSchema> { ["error"] = new OpenApiSchema { Type = JsonSchemaType.String } },
                    },
                    Example = new JsonObject { ["error"] = message },
                },
            },
        };
}

using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace StreamingMarketing.Gateway.OpenApi;

/// <summary>Puts the <see cref="EndpointExamples"/> of each operation on its request body and responses.</summary>
internal sealed class ExampleOperationTransformer(IOptions<JsonOptions> json) : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var name = context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName;
        if (name is null || !EndpointExamples.ByName.TryGetValue(name, out var examples))
        {
            return Task.CompletedTask;
        }

        var options = json.Value.SerializerOptions;
        if (examples.Request is { } request && operation.RequestBody?.Content is { } bodies)
        {
            foreach (var (mediaType, media) in bodies)
            {
                media.Example = EndpointExamples.ToNode(request, options, mediaType);
            }
        }

        foreach (var (status, example) in examples.Responses)
        {
            if (operation.Responses?.GetValueOrDefault(status.ToString(System.Globalization.CultureInfo.InvariantCulture))?.Content is { } contents)
            {
                foreach (var (mediaType, media) in contents)
                {
                    media.Example = EndpointExamples.ToNode(example, options, mediaType);
                }
            }
        }

        return Task.CompletedTask;
    }
}

using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace StreamingMarketing.Gateway.OpenApi;

/// <summary>
/// What Redocly CLI's and Spectral's recommended rules ask of the document beyond what ASP.NET generates: a server URL
/// without a trailing slash, contact and license, a description per tag, and text schemas for the bodies that are text
/// (NDJSON, Server-Sent Events), so that their examples, which are text, match them, and no schema nothing refers to
/// (the stream payloads' own schemas, once their media types are text). The OpenAPI lint test holds it there.
/// </summary>
internal sealed class LintCleanTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string NdjsonMediaType = "application/x-ndjson";
    public const string EventStreamMediaType = "text/event-stream";

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["IngestEndpoints"] = "Connectors post interaction events (JSON array or NDJSON).",
        ["QueryEndpoints"] = "Campaign and user KPIs for campaign managers.",
        ["Insights"] = "Trends, alerts, influencers, share of voice and campaign descriptions.",
        ["SentimentEndpoints"] = "Sentiment scoring and the serving model.",
        ["Feedback"] = "Label corrections that the next training run learns from.",
        ["Admin"] = "Operations that need the admin scope.",
        ["LiveEndpoints"] = "Server-Sent Events streams behind the dashboard page.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/') is { Length: > 0 } trimmed ? trimmed : "/";
        }

        document.Info.Contact ??= new OpenApiContact { Name = "StreamingMarketing maintainers" };
        document.Info.License ??= new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-Proprietary" };
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is { } name && tag.Description is null)
            {
                tag.Description = TagDescriptions.GetValueOrDefault(name, $"{name} operations.");
            }
        }

        RemoveUnreferencedSchemas(document);
        return Task.CompletedTask;
    }

    private static void RemoveUnreferencedSchemas(OpenApiDocument document)
    {
        if (document.Components?.Schemas is not { } schemas)
        {
            return;
        }

        // Until nothing changes: a schema only an unreferenced one pointed to is unreferenced in turn.
        bool removed;
        do
        {
            using var text = new StringWriter();
            document.SerializeAsV31(new OpenApiJsonWriter(text));
            var json = text.ToString();
            var unused = schemas.Keys.Where(name => !json.Contains($"\"#/components/schemas/{name}\"", StringComparison.Ordinal)).ToList();
            unused.ForEach(name => schemas.Remove(name));
            removed = unused.Count > 0;
        }
        while (removed);
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.RequestBody?.Content is { } bodies && bodies.TryGetValue(NdjsonMediaType, out var ndjson) && ndjson is OpenApiMediaType ndjsonMedia)
        {
            ndjsonMedia.Schema = Text("One event object per line, each as an item of the application/json array.");
        }

        foreach (var (_, response) in operation.Responses ?? [])
        {
            if (response.Content is { } contents && contents.TryGetValue(EventStreamMediaType, out var stream) && stream is OpenApiMediaType streamMedia)
            {
                streamMedia.Schema = Text("Server-Sent Events: 'event:' and 'data:' lines, data being the JSON this operation describes.");
            }
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
}

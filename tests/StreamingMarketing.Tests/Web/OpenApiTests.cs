using System.Net;
using System.Text.Json.Nodes;

namespace StreamingMarketing.Tests.Web;

[Collection(KeyedSiloCollection.Name)]
[Trait("Category", "Functional")]
public sealed class OpenApiTests(KeyedSiloFixture fixture)
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    private async Task<JsonNode> DocumentAsync()
    {
        using var http = fixture.Client(KeyedSiloFixture.ReadKey);
        using var response = await http.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static IEnumerable<(string Path, string Method, JsonNode Operation)> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(op => Methods.Contains(op.Key))
            .Select(op => (path.Key, op.Key, op.Value!)));

    [Fact]
    public async Task The_document_lists_the_ingest_endpoint_with_its_examples()
    {
        var document = await DocumentAsync();

        var ingest = document["paths"]!["/api/events"]!["post"]!;
        Assert.Equal("IngestEvents", ingest["operationId"]!.GetValue<string>());
        Assert.NotNull(ingest["requestBody"]!["content"]!["application/json"]!["example"]);
        Assert.Equal(2, ingest["responses"]!["200"]!["content"]!["application/json"]!["example"]!["accepted"]!.GetValue<int>());
    }

    [Fact]
    public async Task Every_operation_has_a_success_example_and_a_request_example_when_it_takes_a_body()
    {
        var document = await DocumentAsync();

        foreach (var (path, method, operation) in Operations(document))
        {
            var success = operation["responses"]!.AsObject().Where(r => r.Key.StartsWith('2')).Select(r => r.Value!).ToList();
            Assert.True(success.Count > 0, $"{method} {path} documents no success answer");
            Assert.All(success, response => Assert.All(response["content"]!.AsObject(), media =>
                Assert.True(media.Value!["example"] is not null, $"{method} {path} has no example for {media.Key}")));
            if (operation["requestBody"]?["content"] is JsonObject bodies)
            {
                Assert.All(bodies, media => Assert.True(media.Value!["example"] is not null, $"{method} {path} has no request example for {media.Key}"));
            }
        }
    }

    [Fact]
    public async Task Keyed_operations_declare_the_api_key_schemes_the_scope_and_the_401_403_429_answers()
    {
        var document = await DocumentAsync();

        var schemes = document["components"]!["securitySchemes"]!;
        Assert.Equal("X-Api-Key", schemes["ApiKey"]!["name"]!.GetValue<string>());
        Assert.Equal("bearer", schemes["Bearer"]!["scheme"]!.GetValue<string>());
        foreach (var (path, method, operation) in Operations(document))
        {
            Assert.True(operation["security"] is JsonArray { Count: 2 }, $"{method} {path} declares no API key");
            Assert.Contains("scope", operation["description"]!.GetValue<string>());
            Assert.All(new[] { "401", "403", "429" }, status => Assert.NotNull(operation["responses"]![status]?["content"]?["application/json"]?["example"]));
        }
    }

    [Fact]
    public async Task The_document_leaves_out_the_orleans_dashboard_internals()
    {
        var document = await DocumentAsync();

        Assert.All(document["paths"]!.AsObject(), path => Assert.StartsWith("/api/", path.Key));
    }
}

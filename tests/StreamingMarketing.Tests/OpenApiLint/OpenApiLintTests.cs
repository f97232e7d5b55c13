using System.Text.Json;
using StreamingMarketing.Tests.Web;

namespace StreamingMarketing.Tests.OpenApiLint;

/// <summary>The document the running host serves passes Redocly CLI and Spectral with no error and no warning.</summary>
[Collection(KeyedSiloCollection.Name)]
[Trait("Category", "Functional")]
public sealed class OpenApiLintTests(KeyedSiloFixture fixture)
{
    private async Task<string> SaveDocumentAsync()
    {
        using var http = fixture.Client(KeyedSiloFixture.ReadKey);
        var path = Path.Combine(Directory.CreateTempSubdirectory("sm-openapi-").FullName, "openapi.json");
        await File.WriteAllTextAsync(path, await http.GetStringAsync("/openapi/v1.json"));
        return path;
    }

    [Fact]
    public async Task Redocly_cli_reports_no_error_and_no_warning()
    {
        var result = await OpenApiLinters.RedoclyAsync(await SaveDocumentAsync());

        var totals = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("totals");
        Assert.True(totals.GetProperty("errors").GetInt32() == 0 && totals.GetProperty("warnings").GetInt32() == 0, result.Output);
    }

    [Fact]
    public async Task Spectral_reports_no_error_and_no_warning()
    {
        var result = await OpenApiLinters.SpectralAsync(await SaveDocumentAsync());

        Assert.True(result.ExitCode == 0, result.Output);
    }
}

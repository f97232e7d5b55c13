using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StreamingMarketing.Gateway.Auth;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Web;

[Trait("Category", "Functional")]
public sealed class GatewayBindingTests
{
    private const string Default = "http://127.0.0.1:5080";

    private static IConfigurationRoot Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value)).Build();

    [Theory]
    [InlineData("http://0.0.0.0:5080", "http://127.0.0.1:5080")]
    [InlineData("http://*:8080", "http://127.0.0.1:8080")]
    [InlineData("http://+:80", "http://127.0.0.1:80")]
    [InlineData("http://[::]:5080", "http://127.0.0.1:5080")]
    [InlineData("http://gateway.internal:5080", "http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080", "http://localhost:5080")]
    [InlineData("http://[::1]:5080", "http://[::1]:5080")]
    [InlineData("http://127.0.0.2:5080", "http://127.0.0.2:5080")]
    public void Without_keys_a_non_loopback_address_is_refused_and_replaced_by_loopback(string requested, string bound)
    {
        var binding = GatewayBinding.Decide(Config(("urls", requested)), Default);

        Assert.Equal(bound, binding.Urls);
        Assert.Contains(binding.Warnings, w => w.Contains("No API keys are configured"));
        Assert.Equal(requested != bound, binding.Warnings.Any(w => w.Contains($"Refused to listen on {requested}")));
    }

    [Fact]
    public void Without_keys_and_without_urls_the_default_loopback_address_is_used_with_a_warning()
    {
        var binding = GatewayBinding.Decide(Config(), Default);

        Assert.Equal(Default, binding.Urls);
        Assert.Single(binding.Warnings);
    }

    [Fact]
    public void With_keys_any_address_is_bound_as_asked_and_nothing_is_logged()
    {
        var binding = GatewayBinding.Decide(Config(("urls", "http://0.0.0.0:5080"), ("Auth:ApiKeys:0:Key", "k"), ("Auth:ApiKeys:0:Scopes", "read")), Default);

        Assert.Equal("http://0.0.0.0:5080", binding.Urls);
        Assert.Empty(binding.Warnings);
    }

    [Fact]
    public void Without_keys_kestrel_endpoints_from_configuration_are_confined_too()
    {
        var config = Config(("Kestrel:Endpoints:Public:Url", "http://0.0.0.0:9000"));

        GatewayBinding.Decide(config, Default);

        Assert.Equal("http://127.0.0.1:9000", config["Kestrel:Endpoints:Public:Url"]);
    }

    [Fact]
    public async Task A_silo_asked_to_listen_on_all_interfaces_without_keys_listens_on_loopback()
    {
        await using var silo = await RunningSilo.StartAsync(extraArgs: ["--urls", "http://0.0.0.0:0"]);

        var address = new Uri(silo.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.Single());

        Assert.Equal("127.0.0.1", address.Host);
        Assert.True((await silo.Http.GetAsync("/health/live")).IsSuccessStatusCode);
    }
}

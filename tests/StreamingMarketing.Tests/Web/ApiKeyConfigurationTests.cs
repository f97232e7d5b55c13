using Microsoft.Extensions.Configuration;
using StreamingMarketing.Gateway.Auth;

namespace StreamingMarketing.Tests.Web;

public sealed class ApiKeyConfigurationTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value)).Build();

    [Fact]
    public void Keys_come_from_the_environment_form_with_scopes_as_one_comma_separated_value()
    {
        // A prefix of its own, so no other test or host reads these variables.
        var prefix = $"SMTEST{Guid.NewGuid():N}_";
        Environment.SetEnvironmentVariable($"{prefix}Auth__ApiKeys__0__Key", "env-secret");
        Environment.SetEnvironmentVariable($"{prefix}Auth__ApiKeys__0__Scopes", "ingest, read");
        Environment.SetEnvironmentVariable($"{prefix}Auth__ApiKeys__1__Key", "env-reader");
        Environment.SetEnvironmentVariable($"{prefix}Auth__ApiKeys__1__Scopes__0", "read");
        try
        {
            var store = new ApiKeyStore(ApiKeyConfiguration.Load(new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build()));

            var writer = store.Find("env-secret");
            var reader = store.Find("env-reader");

            Assert.Equal("key-0", writer!.Name);
            Assert.True(writer.Has(ApiScopes.Ingest) && writer.Has(ApiScopes.Read) && !writer.Has(ApiScopes.Admin));
            Assert.Equal(["read"], reader!.Scopes);
        }
        finally
        {
            foreach (var name in new[] { "0__Key", "0__Scopes", "1__Key", "1__Scopes__0" })
            {
                Environment.SetEnvironmentVariable($"{prefix}Auth__ApiKeys__{name}", null);
            }
        }
    }

    [Fact]
    public void A_key_given_as_its_sha256_matches_the_secret_and_nothing_else()
    {
        var store = new ApiKeyStore(ApiKeyConfiguration.Load(Config(
            ("Auth:ApiKeys:0:Name", "ops"),
            ("Auth:ApiKeys:0:KeySha256", Convert.ToHexString(ApiKeyConfiguration.Digest("s3cret")).ToLowerInvariant()),
            ("Auth:ApiKeys:0:Scopes:0", "admin"))));

        Assert.Equal("ops", store.Find("s3cret")!.Name);
        Assert.Null(store.Find("s3cret "));
        Assert.Null(store.Find(""));
    }

    [Theory]
    [InlineData("Key", "k", "Scopes", "write", "unknown scope 'write'")]
    [InlineData("Key", "k", "Name", "no-scopes", "no Scopes")]
    [InlineData("KeySha256", "abc", "Scopes", "read", "64 hex digits")]
    [InlineData("Name", "nameless", "Scopes", "read", "set Key (the secret) or KeySha256")]
    public void A_half_configured_key_stops_the_host_with_a_message_naming_it(string field1, string value1, string field2, string value2, string expected)
    {
        var config = Config(($"Auth:ApiKeys:0:{field1}", value1), ($"Auth:ApiKeys:0:{field2}", value2));

        var error = Assert.Throws<InvalidOperationException>(() => ApiKeyConfiguration.Load(config));

        Assert.Contains("Auth:ApiKeys:0", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Rate_limits_default_from_the_section_and_can_be_set_per_key()
    {
        var keys = ApiKeyConfiguration.Load(Config(
            ("Auth:RateLimit:PermitsPerSecond", "5"), ("Auth:RateLimit:Burst", "7"),
            ("Auth:ApiKeys:0:Key", "a"), ("Auth:ApiKeys:0:Scopes", "read"),
            ("Auth:ApiKeys:1:Key", "b"), ("Auth:ApiKeys:1:Scopes", "read"), ("Auth:ApiKeys:1:PermitsPerSecond", "0.5")));

        Assert.Equal(new RateLimit(5, 7), keys[0].RateLimit);
        Assert.Equal(new RateLimit(0.5, 7), keys[1].RateLimit);
    }
}

using Microsoft.Extensions.Options;
using StreamingMarketing.Contracts.Validation;
using StreamingMarketing.Gateway.Privacy;

namespace StreamingMarketing.Tests.Privacy;

public sealed class UserIdPseudonymizerTests
{
    private const string Key = "test-key-0123456789abcdef0123456789abcdef";

    private static UserIdPseudonymizer Pseudonymizer(bool enabled = true, string key = Key) =>
        new(Options.Create(new PrivacyOptions { PseudonymizeUserIds = enabled, UserIdKey = key }));

    [Fact]
    public void A_pseudonym_is_stable_keyed_and_a_valid_id_that_does_not_contain_the_handle()
    {
        var pseudonym = Pseudonymizer().Stored("tw-ana");

        Assert.Equal(pseudonym, Pseudonymizer().Stored("tw-ana"));
        Assert.NotEqual(pseudonym, Pseudonymizer().Stored("ig-ana"));
        Assert.NotEqual(pseudonym, Pseudonymizer(key: Key.Replace('0', '1')).Stored("tw-ana"));
        Assert.DoesNotContain("ana", pseudonym, StringComparison.Ordinal);
        Assert.True(UserIdPseudonymizer.IsPseudonym(pseudonym));
        Assert.Null(TextRules.IdProblem("userId", pseudonym, 128));
    }

    [Fact]
    public void The_id_matches_an_hmac_sha256_computed_independently()
    {
        var mac = System.Security.Cryptography.HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Key), "tw-ana"u8.ToArray());
        var expected = "p-" + Convert.ToBase64String(mac, 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        Assert.Equal(expected, Pseudonymizer().Stored("tw-ana"));
    }

    [Fact]
    public void Switched_off_ids_stay_as_they_are_and_reads_try_only_the_id()
    {
        var off = Pseudonymizer(enabled: false);

        Assert.Equal("tw-ana", off.Stored("tw-ana"));
        Assert.Equal(["tw-ana"], off.Candidates("tw-ana"));
    }

    [Fact]
    public void A_read_by_a_pseudonym_finds_it_as_well_as_a_read_by_the_raw_id()
    {
        var on = Pseudonymizer();
        var pseudonym = on.Stored("tw-ana");

        Assert.Equal([pseudonym], on.Candidates("tw-ana"));
        Assert.Equal([on.Stored(pseudonym), pseudonym], on.Candidates(pseudonym));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("short")]
    public void Pseudonymizing_without_a_long_key_is_refused_naming_the_key(string? key)
    {
        var result = new PrivacyOptionsValidator().Validate(null, new PrivacyOptions { PseudonymizeUserIds = true, UserIdKey = key });

        Assert.True(result.Failed);
        Assert.Contains("Privacy:UserIdKey must hold at least 32 characters", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(new PrivacyOptionsValidator().Validate(null, new PrivacyOptions { PseudonymizeUserIds = false }).Succeeded);
    }
}

using Microsoft.Extensions.Options;
using StreamingMarketing.Contracts.Options;

namespace StreamingMarketing.Gateway.Privacy;

/// <summary>How the gateway treats personal identifiers; bound from configuration section <c>Privacy</c>.</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>The shortest key accepted: 32 characters, the 256 bits HMAC-SHA256 can use.</summary>
    public const int MinKeyLength = 32;

    /// <summary>
    /// Replace every event's <c>userId</c> with a keyed hash at the gateway, before it reaches a stream or a grain, so
    /// that no raw handle is stored; reads of a user take the raw id and hash it the same way.
    /// </summary>
    public bool PseudonymizeUserIds { get; set; }

    /// <summary>
    /// The HMAC key (from configuration or a secret: <c>Privacy__UserIdKey</c>). Every gateway of a deployment needs the
    /// same one, and changing it starts every user over under new pseudonyms.
    /// </summary>
    public string? UserIdKey { get; set; }
}

/// <summary>Refuses to pseudonymize without a key worth the name, naming the key.</summary>
public sealed class PrivacyOptionsValidator : IValidateOptions<PrivacyOptions>
{
    public ValidateOptionsResult Validate(string? name, PrivacyOptions options) => new OptionsFailures(PrivacyOptions.SectionName)
        .Require(!options.PseudonymizeUserIds || (options.UserIdKey?.Length ?? 0) >= PrivacyOptions.MinKeyLength,
            $"{PrivacyOptions.SectionName}:{nameof(PrivacyOptions.UserIdKey)} must hold at least {PrivacyOptions.MinKeyLength} characters " +
            $"when {PrivacyOptions.SectionName}:{nameof(PrivacyOptions.PseudonymizeUserIds)} is true (set it from a secret, e.g. the environment variable Privacy__UserIdKey).")
        .Result;
}

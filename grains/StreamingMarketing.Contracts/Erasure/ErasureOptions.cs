using Microsoft.Extensions.Options;
using StreamingMarketing.Contracts.Options;

namespace StreamingMarketing.Contracts.Erasure;

/// <summary>
/// How erasure, suppression and text retention behave; bound from configuration section <c>Privacy</c> beside the
/// pseudonym settings, read by the gateway (suppression) and the silo (erasure passes, the retention sweeper).
/// </summary>
public sealed class ErasureOptions
{
    public const string SectionName = "Privacy";

    /// <summary>How long stored texts (negative comments, feedback, dead letters) are kept before the sweeper purges them.</summary>
    public TimeSpan TextRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the retention sweeper runs.</summary>
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The wait between an erasure's two passes: events already past the gateway when the request came (in a stream, an
    /// outbox, a scorer batch) land in that time and are caught by the second pass. Longer than
    /// <see cref="SuppressionRefreshInterval"/>, so that every gateway suppresses the ids before the second pass runs.
    /// </summary>
    public TimeSpan ErasureSettleTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Drop later events of an erased id at the gateway (counted <c>suppressed</c>), so the profile does not come back.</summary>
    public bool SuppressErasedUsers { get; set; } = true;

    /// <summary>How often each gateway and silo reloads the suppression list.</summary>
    public TimeSpan SuppressionRefreshInterval { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>Refuses spans no erasure or sweep could run with, naming the key.</summary>
public sealed class ErasureOptionsValidator : IValidateOptions<ErasureOptions>
{
    /// <summary>Shorter than this, a text could be purged before a campaign manager ever saw it.</summary>
    public static readonly TimeSpan MinTextRetention = TimeSpan.FromHours(1);

    public static readonly TimeSpan MaxSettleTime = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, ErasureOptions options)
    {
        var section = ErasureOptions.SectionName;
        return new OptionsFailures(section)
            .Require(options.TextRetention >= MinTextRetention,
                $"{section}:{nameof(ErasureOptions.TextRetention)} must be at least {MinTextRetention:c}, not {options.TextRetention:c}.")
            .Positive(nameof(ErasureOptions.RetentionSweepInterval), options.RetentionSweepInterval)
            .Positive(nameof(ErasureOptions.SuppressionRefreshInterval), options.SuppressionRefreshInterval)
            .Require(options.ErasureSettleTime >= TimeSpan.Zero && options.ErasureSettleTime <= MaxSettleTime,
                $"{section}:{nameof(ErasureOptions.ErasureSettleTime)} must be between 00:00:00 and {MaxSettleTime:c}, not {options.ErasureSettleTime:c}.")
            .Result;
    }
}

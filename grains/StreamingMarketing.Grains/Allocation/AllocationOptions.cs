using Microsoft.Extensions.Options;
using StreamingMarketing.Contracts.Options;

namespace StreamingMarketing.Grains.Allocation;

/// <summary>How the recommended traffic split moves; bound from configuration section <c>Allocation</c>.</summary>
public sealed class AllocationOptions
{
    public const string SectionName = "Allocation";

    /// <summary>The least share of traffic any live variant gets, so none starves and an early lead can still be overturned.</summary>
    public double MinShare { get; set; } = 0.05;

    /// <summary>The most any one share moves in one step.</summary>
    public double MaxShareChange { get; set; } = 0.2;

    /// <summary>
    /// New impressions (over all variants) a step needs since the last: the split moves with evidence, not with how
    /// often it is read, so a dashboard refreshing does not speed it up.
    /// </summary>
    public long MinImpressionsPerStep { get; set; } = 1_000;

    /// <summary>An <c>allocation-changed</c> webhook goes out once a share has moved this far from the split last notified.</summary>
    public double NotifyThreshold { get; set; } = 0.05;

    /// <summary>While webhooks are configured, how often a campaign whose allocation was read re-evaluates it without being asked.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Refuses <see cref="AllocationOptions"/> no split could follow, naming the key.</summary>
public sealed class AllocationOptionsValidator : IValidateOptions<AllocationOptions>
{
    public ValidateOptionsResult Validate(string? name, AllocationOptions options) => new OptionsFailures(AllocationOptions.SectionName)
        .Between(nameof(options.MinShare), options.MinShare, 0, 0.5)
        .Between(nameof(options.MaxShareChange), options.MaxShareChange, 0.001, 1)
        .AtLeast(nameof(options.MinImpressionsPerStep), options.MinImpressionsPerStep, 0)
        .Between(nameof(options.NotifyThreshold), options.NotifyThreshold, 0.001, 1)
        .Positive(nameof(options.RefreshInterval), options.RefreshInterval)
        .Result;
}

namespace StreamingMarketing.Contracts.Insights;

/// <summary>One brand's mentions over time and the competitors campaigns named for it; key = <see cref="VoiceWindows.BrandKey"/>.</summary>
public interface IBrandGrain : IGrainWithStringKey
{
    /// <summary>One-way: counting mentions must never hold up a campaign's stream.</summary>
    [OneWay]
    Task AddMentionsAsync(BrandMentions mentions);

    /// <summary>Called when a campaign's metadata names this brand: its display name and competitors.</summary>
    Task DescribeAsync(string displayName, List<string> competitors);

    /// <summary>Mentions in the window ending now; null when the brand was never named anywhere.</summary>
    [AlwaysInterleave]
    Task<long?> CountMentionsAsync(TimeSpan window);

    /// <summary>The brand against its competitors; null when the brand was never named anywhere.</summary>
    [AlwaysInterleave]
    Task<ShareOfVoiceView?> GetShareOfVoiceAsync(string windowName);
}

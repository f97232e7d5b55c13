using StreamingMarketing.Contracts.Insights;

namespace StreamingMarketing.Contracts.Views;

/// <summary>What the campaign answer takes from the campaign's insights grain.</summary>
[GenerateSerializer, Immutable]
public sealed record CampaignInsightsView
{
    [Id(0)] public required Dictionary<string, WindowView> Windows { get; init; }
    [Id(1)] public required SentimentView Sentiment { get; init; }
    [Id(2)] public required List<NegativeComment> MostNegativeComments { get; init; }
    [Id(3)] public required Dictionary<string, TrendsView> Trending { get; init; }
    [Id(4)] public required SegmentCounts Segments { get; init; }
    [Id(5)] public required List<AlertView> Alerts { get; init; }
}

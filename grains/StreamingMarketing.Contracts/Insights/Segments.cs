namespace StreamingMarketing.Contracts.Insights;

/// <summary>How a campaign's audience splits; every user counted falls in exactly one segment.</summary>
[GenerateSerializer, Immutable]
public sealed record SegmentCounts
{
    [Id(0)] public long Advocates { get; init; }
    [Id(1)] public long Detractors { get; init; }
    [Id(2)] public long New { get; init; }
    [Id(3)] public long Dormant { get; init; }

    /// <summary>Active users none of the four describe.</summary>
    [Id(4)] public long Other { get; init; }
}

/// <summary>A user's standing in one campaign by what their texts and shares say, before time is considered.</summary>
public enum SentimentStanding : byte
{
    Neutral = 0,
    Advocate = 1,
    Detractor = 2,
}

/// <summary>What a campaign needs to know about one of its users to count segments: standing, first and last day seen.</summary>
[GenerateSerializer, Immutable]
public readonly record struct SegmentSnapshot(
    [property: Id(0)] SentimentStanding Standing, [property: Id(1)] int FirstDay, [property: Id(2)] int LastDay);

/// <summary>A user's snapshot in a campaign moved from <see cref="Before"/> (null: first seen) to <see cref="After"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record SegmentChange([property: Id(0)] SegmentSnapshot? Before, [property: Id(1)] SegmentSnapshot After);

public static class SegmentNames
{
    public const string Advocate = "advocate";
    public const string Detractor = "detractor";
    public const string New = "new";
    public const string Dormant = "dormant";
    public const string Other = "other";
}

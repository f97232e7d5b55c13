namespace StreamingMarketing.Contracts;

public static class StreamNames
{
    /// <summary>The stream provider every profile registers under this name (memory, Azure Queue or Event Hubs).</summary>
    public const string Provider = "interactions";

    /// <summary>Stream namespace whose stream key is the campaign id; campaign grains subscribe implicitly.</summary>
    public const string CampaignEvents = "campaign-events";

    /// <summary>
    /// Stream namespace whose stream key is a partition of the campaigns (<see cref="PartitionOf"/>), where a persistent
    /// provider carries one item per partition and request instead of one per campaign: every item costs queue
    /// operations there. The partition's consumer grain hands each campaign its events.
    /// </summary>
    public const string CampaignPartitions = "campaign-partitions";

    /// <summary>The partition stream key that carries <paramref name="campaignId"/>'s events, out of <paramref name="partitions"/>.</summary>
    public static string PartitionOf(string campaignId, int partitions) => $"partition-{StableStringHash.Of(campaignId) % (ulong)partitions}";

    /// <summary>Memory-stream queues, on silos and clients alike: a client maps streams to queues itself, so both must agree.</summary>
    public const int DefaultMemoryQueues = 32;

    /// <summary>Azure Queue names of the stream provider, shared by silos and client gateways (they must agree).</summary>
    public static List<string> AzureQueues(int count) => Enumerable.Range(0, count).Select(i => $"{Provider}-{i}").ToList();
}

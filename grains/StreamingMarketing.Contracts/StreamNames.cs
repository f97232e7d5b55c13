namespace StreamingMarketing.Contracts;

public static class StreamNames
{
    /// <summary>The stream provider every profile registers under this name (memory, Azure Queue or Event Hubs).</summary>
    public const string Provider = "interactions";

    /// <summary>Stream namespace whose stream key is the campaign id; campaign grains subscribe implicitly.</summary>
    public const string CampaignEvents = "campaign-events";

    /// <summary>Memory-stream queues, on silos and clients alike: a client maps streams to queues itself, so both must agree.</summary>
    public const int DefaultMemoryQueues = 32;

    /// <summary>Azure Queue names of the stream provider, shared by silos and client gateways (they must agree).</summary>
    public static List<string> AzureQueues(int count) => Enumerable.Range(0, count).Select(i => $"{Provider}-{i}").ToList();
}

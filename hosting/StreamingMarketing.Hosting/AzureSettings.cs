namespace StreamingMarketing.Hosting;

/// <summary>
/// Azure resources of the <c>local-cluster</c> and <c>azure</c> profiles (configuration section <c>Azure</c>;
/// secrets come from the environment, e.g. <c>Azure__StorageConnectionString</c>, never from committed files).
/// </summary>
public sealed class AzureSettings
{
    public const string SectionName = "Azure";

    /// <summary>Azurite on its default loopback ports.</summary>
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    public string StorageConnectionString { get; set; } = DevelopmentStorage;

    public string GrainStateContainer { get; set; } = "grainstate";
    public string ClusteringTable { get; set; } = "streamingmarketingcluster";
    public int StreamQueues { get; set; } = 8;

    /// <summary>
    /// How long a dequeued Azure Queue message stays invisible; if the silo holding it dies, another silo sees it
    /// again after this long and the campaign grains drop what they already counted.
    /// </summary>
    public TimeSpan QueueVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(20);

    public string? EventHubsConnectionString { get; set; }
    public string EventHubName { get; set; } = "interactions";
    public string EventHubConsumerGroup { get; set; } = "$Default";
    public string CheckpointTable { get; set; } = "streamingmarketingcheckpoints";

    /// <summary>Run under Kubernetes (Microsoft.Orleans.Hosting.Kubernetes: pod name, namespace, cluster id from the pod).</summary>
    public bool Kubernetes { get; set; }

    public void ValidateForEventHubs()
    {
        if (string.IsNullOrWhiteSpace(EventHubsConnectionString))
        {
            throw new InvalidOperationException(
                "The azure profile needs Azure:EventHubsConnectionString (env Azure__EventHubsConnectionString): the Event Hubs namespace connection string.");
        }

        if (string.IsNullOrWhiteSpace(EventHubName))
        {
            throw new InvalidOperationException("The azure profile needs Azure:EventHubName.");
        }

        if (StorageConnectionString == DevelopmentStorage)
        {
            throw new InvalidOperationException(
                "The azure profile needs Azure:StorageConnectionString (env Azure__StorageConnectionString): a real storage account, not Azurite.");
        }
    }
}

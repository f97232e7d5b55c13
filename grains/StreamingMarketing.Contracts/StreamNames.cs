namespace StreamingMarketing.Contracts;

public static class StreamNames
{
    /// <summary>The stream provider every profile registers under this name (memory, Azure Queue or Event Hubs).</summary>
    public const string Provider = "interactions";

    /// <summary>Stream namespace whose stream key is the campaign id; campaign grains subscribe implicitly.</summary>
    public const string CampaignEvents = "campaign-events";
}

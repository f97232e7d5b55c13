namespace StreamingMarketing.Contracts.Outbox;

/// <summary>
/// Which of a campaign's grains numbered a part: the campaign grain numbers interactions, the campaign's insights
/// grain numbers sentiment. Each keeps its own sequence, so a receiver remembers one number per (source, campaign).
/// </summary>
public enum PartSource : byte
{
    Campaign = 0,
    Insights = 1,
}

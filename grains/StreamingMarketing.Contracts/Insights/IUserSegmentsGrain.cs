using StreamingMarketing.Contracts.Events;

namespace StreamingMarketing.Contracts.Insights;

/// <summary>
/// The user profile grain seen from one campaign: the same activation as <c>IUserProfileGrain</c> (same key), whose
/// calls also answer how the user's segment in that campaign moved, so the campaign counts segments without
/// keeping a row per user.
/// </summary>
public interface IUserSegmentsGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies interactions, of one campaign or several (repeats ignored); how the user's snapshot moved in each
    /// campaign where it moved.
    /// </summary>
    Task<CampaignSegmentChange[]> ApplyInteractionsAsync(UserInteraction[] interactions);

    /// <summary>Applies the sentiment of the user's texts in <paramref name="campaignId"/>; the change of the snapshot, if any.</summary>
    Task<SegmentChange?> ApplyCampaignSentimentAsync(string campaignId, UserSentiment[] sentiments);
}

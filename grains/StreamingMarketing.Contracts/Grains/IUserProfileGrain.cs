using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Views;

namespace StreamingMarketing.Contracts.Grains;

/// <summary>One user's rolling profile, keyed by user id, fed by the campaign grains.</summary>
public interface IUserProfileGrain : IFlushableGrain
{
    /// <summary>Applies interactions; ones already applied (same event id) are ignored, so a campaign may resend.</summary>
    Task ApplyAsync(UserInteraction[] interactions);

    /// <summary>Applies the sentiment of texts applied earlier; a repeat for the same event id is ignored.</summary>
    Task ApplySentimentAsync(UserSentiment[] sentiments);

    [AlwaysInterleave]
    Task<UserView?> GetViewAsync();
}
